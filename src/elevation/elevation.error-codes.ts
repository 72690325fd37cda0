export enum ElevationErrorCode {
  /** Another network site has that name already. */
  SiteNameTaken = 'network_site_name_taken',
  /** The file cannot serve as a terrain or clutter tile (not a GeoTIFF, projected, rotated, several bands…); the details name why. */
  TileRejected = 'elevation_tile_rejected',
  /** The same file was uploaded already as a tile of that kind. */
  TileDuplicate = 'elevation_tile_duplicate',
  /** The account's service address has no coordinates, so there is no path to profile until they are set. */
  AccountWithoutCoordinates = 'elevation_account_without_coordinates',
  /** No terrain tile covers any part of the path; upload one first. */
  NoTerrain = 'elevation_no_terrain',
  /** The terrain has no height under one end of the path and none was given for it. */
  GroundUnknown = 'elevation_ground_unknown',
  /** The path itself cannot be profiled: too long for the terrain's resolution, or no length at all. */
  PathNotProfilable = 'elevation_path_not_profilable',
}
