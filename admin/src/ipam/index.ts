export { ipPools } from './pools';
export { ipSubnets } from './subnets';
export { ipSupernets } from './supernets';
