export { LevelChip, levelLabel } from './LevelChip';
export { Sparkline } from './Sparkline';
export { ErrorNotice, whatToDo } from './ErrorNotice';
export {
  formatDate,
  formatDateTime,
  relativeTime,
  shortRef,
  sourceLabel,
} from './formatting';
export { useGuidelinesTabLink } from './useGuidelinesTabLink';
