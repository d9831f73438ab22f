export { MaintainersCard } from './MaintainersCard';
