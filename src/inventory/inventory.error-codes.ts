export enum InventoryErrorCode {
  /** A name, serial or MAC address another row has already. */
  Duplicate = 'inventory_duplicate',
  /**
   * Still in use: a manufacturer with models, a model with items, a location holding items, an item whose MACs hold addresses,
   * a model's MAC count lowered below the MAC addresses its items have.
   */
  InUse = 'inventory_in_use',
}
