export { TeamCodebasesCard } from './TeamCodebasesCard';
