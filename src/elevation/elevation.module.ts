import { Module } from '@nestjs/common';
import { ElevationProfilesController } from './elevation-profiles.controller';
import { ElevationProfilesService } from './elevation-profiles.service';
import { ElevationTilesController } from './elevation-tiles.controller';
import { ElevationTilesService } from './elevation-tiles.service';
import { NetworkSitesController } from './network-sites.controller';
import { NetworkSitesService } from './network-sites.service';
import { ElevationTileStorage } from './tile-storage';

/** Network sites, the terrain and clutter tiles, and the elevation profiles drawn from them. */
@Module({
  controllers: [NetworkSitesController, ElevationTilesController, ElevationProfilesController],
  providers: [NetworkSitesService, ElevationTileStorage, ElevationTilesService, ElevationProfilesService],
  exports: [NetworkSitesService, ElevationTilesService],
})
export class ElevationModule {}
