export { DiscoveryStatusCard } from './DiscoveryStatusCard';
