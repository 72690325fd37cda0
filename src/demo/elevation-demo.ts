import type { INestApplicationContext } from '@nestjs/common';
import type { CreateNetworkSiteDto } from '../elevation/dto/network-site.dto';
import { ElevationTilesService } from '../elevation/elevation-tiles.service';
import { ElevationGrid } from '../elevation/elevation-grid';
import { geoTiffFromGrid } from '../elevation/geotiff-tile';
import { METRES_PER_DEGREE } from '../elevation/geodesy';
import { NetworkSitesService } from '../elevation/network-sites.service';
import { syntheticTerrain } from '../elevation/synthetic-terrain';

const ARC_SECOND = 1 / 3600;

/**
 * The demo's terrain: Springfield, the first demo town, whose accounts lie within 0.06° of latitude and
 * 0.08° of longitude of 39.781721° N 89.650148° W. A 1″ (about 30 m) tile covers them all with a margin:
 * a plain at 180 m, a bluff 55 m high running north-south just east of the town centre (level again
 * 700 m either side of its crest), and a 40 m hill to the south-east. Heights are whole metres, as SRTM
 * stores them. Accounts of the other towns lie outside it and get no profile, as an area without tiles would.
 */
export const DEMO_TERRAIN = {
  westLon: -89.74,
  northLat: 39.85,
  pixelDeg: ARC_SECOND,
  width: 648,
  height: 486,
  plainM: 180,
  storage: 'int16' as const,
  features: [
    { kind: 'ridge' as const, from: { lat: 39.725, lon: -89.64 }, to: { lat: 39.84, lon: -89.64 }, heightM: 55, halfWidthM: 700 },
    { kind: 'hill' as const, top: { lat: 39.745, lon: -89.6 }, heightM: 40, halfWidthM: 1200 },
  ],
};

/** A wood west of the centre whose trees stand 18 m above the ground; the clutter elsewhere is open ground. */
export const DEMO_FOREST = { south: 39.764, north: 39.776, west: -89.688, east: -89.668, heightM: 18 };

/**
 * Three sites: a water tower west of the bluff, which the accounts east of it cannot see; a mast on the
 * bluff's crest, which sees both sides; and a grain elevator to the east, surveyed, with one antenna.
 */
export const DEMO_SITES: CreateNetworkSiteDto[] = [
  {
    name: 'West Water Tower',
    latitude: 39.79,
    longitude: -89.7,
    groundElevationM: null,
    antennaHeightsM: [30, 45],
    frequenciesMhz: [5800, 3650],
    description: 'Sector antennas on the water tower; its ground height comes from the terrain tile.',
  },
  {
    name: 'Bluff Mast',
    latitude: 39.8,
    longitude: -89.64,
    groundElevationM: null,
    antennaHeightsM: [20, 35],
    frequenciesMhz: [5800, 2450],
    description: 'Lattice mast on the crest of the bluff.',
  },
  {
    name: 'East Grain Elevator',
    latitude: 39.77,
    longitude: -89.585,
    groundElevationM: 181.5,
    antennaHeightsM: [25],
    frequenciesMhz: [5800],
    description: 'Rooftop mount on the elevator; ground height surveyed.',
  },
];

/** The forest as a clutter grid over the same cells as the terrain: tree height where it stands, 0 elsewhere. */
export function demoClutter(): ElevationGrid {
  const grid = syntheticTerrain({ ...DEMO_TERRAIN, plainM: 0, features: [] });
  for (let row = 0; row < grid.height; row++) {
    const lat = grid.northLat - (row + 0.5) * grid.pixelHeightDeg;
    if (lat < DEMO_FOREST.south || lat > DEMO_FOREST.north) continue;
    for (let col = 0; col < grid.width; col++) {
      const lon = grid.westLon + (col + 0.5) * grid.pixelWidthDeg;
      if (lon >= DEMO_FOREST.west && lon <= DEMO_FOREST.east) grid.samples[row * grid.width + col] = DEMO_FOREST.heightM;
    }
  }
  return grid;
}

/**
 * The elevation demo: the terrain and clutter tiles above, uploaded as GeoTIFFs through the tiles
 * module (so they pass the same checks as an operator's), and the three network sites.
 */
export async function generateElevationDemo(app: INestApplicationContext, adminUserId: number | null): Promise<void> {
  const tiles = app.get(ElevationTilesService);
  const sites = app.get(NetworkSitesService);
  const cellM = Math.round(ARC_SECOND * METRES_PER_DEGREE);
  await tiles.add('dem', `demo-springfield-dem-${cellM}m.tif`, geoTiffFromGrid(syntheticTerrain(DEMO_TERRAIN)), adminUserId);
  await tiles.add('clutter', `demo-springfield-clutter-${cellM}m.tif`, geoTiffFromGrid(demoClutter()), adminUserId);
  for (const site of DEMO_SITES) await sites.create(site);
}
