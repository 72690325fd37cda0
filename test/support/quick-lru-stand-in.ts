/**
 * Stands in for quick-lru under Jest, in every lane (jest.config.mjs maps the name here). The GeoTIFF
 * library loads quick-lru, published only as an ES module, for the block cache of tiles read over
 * HTTP. Node (20.19 and later, as package.json requires) loads it from our CommonJS build, so the
 * server uses the real one; Jest's own module loader cannot before Node 24.9, and every suite that
 * builds the app reaches geotiff through the elevation module. Tiles are read from memory, which never
 * builds that cache, so the stand-in fails loudly if anything ever does.
 */
export default class QuickLruStandIn {
  constructor() {
    throw new Error('the block cache is for tiles read over HTTP, never for a tile in memory');
  }
}
