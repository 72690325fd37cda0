import type { components } from '../api/schema';

type Schemas = components['schemas'];

/** GET /api/network-sites: a tower, mast or rooftop with its antenna heights and bands. */
export type NetworkSite = Schemas['NetworkSiteResponseDto'];
export type NetworkSiteInput = Schemas['CreateNetworkSiteDto'];
/** GET /api/elevation-tiles: a terrain (dem) or clutter tile read from an uploaded GeoTIFF. */
export type ElevationTile = Schemas['ElevationTileResponseDto'];
export type TileKind = ElevationTile['kind'];
export const TILE_KINDS = ['dem', 'clutter'] as const satisfies readonly TileKind[];
/** GET /api/accounts/:id/network-sites: the address and every site, nearest first. */
export type SitesAround = Schemas['AccountNetworkSitesResponseDto'];
export type SiteFromAddress = Schemas['SiteFromAddressDto'];
/** GET /api/accounts/:id/elevation-profile */
export type ElevationProfile = Schemas['ElevationProfileResponseDto'];
export type ProfileSample = Schemas['ProfileSampleDto'];
export type ProfileQuery = { siteId: number; siteAntennaM?: number; frequencyMhz?: number; subscriberAntennaM?: number };
export type Verdict = ElevationProfile['verdict'];
