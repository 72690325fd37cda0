/**
 * Why an elevation profile or a tile was refused. Plain errors, free of HTTP: the module that serves
 * profiles maps them to its error codes, naming the field and the rule to whoever asked.
 */

/** A path description that cannot be profiled: the field and the rule it breaks. */
export class InvalidProfileRequest extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidProfileRequest';
  }
}

/**
 * The terrain model has no height under one end of the path, and none was given: without it the
 * antenna tip, and so the whole line of sight, is unknown.
 */
export class GroundUnknownAtPathEnd extends Error {
  constructor(readonly end: 'from' | 'to') {
    super(`The terrain model has no height at the ${end === 'from' ? 'start' : 'end'} of the path; give that end's ground elevation.`);
    this.name = 'GroundUnknownAtPathEnd';
  }
}

/** Why a GeoTIFF cannot serve as an elevation tile. */
export type TileRejection =
  'not-a-geotiff' | 'not-georeferenced' | 'projected-crs' | 'unsupported-crs' | 'rotated-grid' | 'multi-band' | 'unreadable-samples';

export class ElevationTileRejected extends Error {
  constructor(
    readonly reason: TileRejection,
    message: string,
  ) {
    super(message);
    this.name = 'ElevationTileRejected';
  }
}
