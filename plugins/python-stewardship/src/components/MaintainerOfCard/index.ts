export { MaintainerOfCard } from './MaintainerOfCard';
