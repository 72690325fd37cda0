export { inventoryItems } from './items';
export { inventoryManufacturers } from './manufacturers';
export { inventoryModels } from './models';
export { stockLocations } from './stockLocations';
