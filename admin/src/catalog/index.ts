export { packages } from './packages';
export { services } from './services';
