import { Controller, Delete, Get, Param, ParseIntPipe, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Authenticated, CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ErrorResponseDto } from '../common/error-response.dto';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import {
  ELEVATION_TILE_SORTABLE,
  ElevationTileFilterDto,
  ElevationTileResponseDto,
  ElevationTileSortField,
  UploadElevationTileDto,
} from './dto/elevation-tile.dto';
import { ElevationTilesService } from './elevation-tiles.service';

/** Terrain (DEM) and clutter tiles: listed with network.read, uploaded and deleted with network.configure. */
@ApiTags('elevation')
@Controller('elevation-tiles')
export class ElevationTilesController {
  constructor(private readonly tiles: ElevationTilesService) {}

  @Get()
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiList(ElevationTileFilterDto)
  @ApiOkResponse({ type: [ElevationTileResponseDto] })
  list(
    @Query(new ListQueryPipe(ElevationTileFilterDto, ELEVATION_TILE_SORTABLE, { field: 'createdAt', order: 'DESC' }))
    query: ListQuery<ElevationTileFilterDto, ElevationTileSortField>,
  ) {
    return this.tiles.list(query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiOkResponse({ type: ElevationTileResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.tiles.get(id);
  }

  /** The body is read here, not by a middleware, so the guards have refused strangers before a byte is stored. */
  @Post()
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadElevationTileDto, description: 'kind first, then file' })
  @ApiCreatedResponse({ type: ElevationTileResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Not a usable tile (code elevation_tile_rejected, the reason in details)' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'Larger than 128 MB' })
  @ApiOperation({ summary: 'Upload a terrain or clutter tile (GeoTIFF)' })
  upload(@CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.tiles.upload(req, user);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiOkResponse({ type: ElevationTileResponseDto, description: 'The deleted tile; the profiles it touched are dropped from the cache' })
  delete(@Param('id', ParseIntPipe) id: number) {
    return this.tiles.delete(id);
  }
}
