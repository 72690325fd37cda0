export { taxes } from './taxList';
export { taxTypes } from './taxTypes';
export { taxZones } from './taxZones';
