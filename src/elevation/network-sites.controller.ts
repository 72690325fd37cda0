import { Body, Controller, Delete, Get, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import {
  CreateNetworkSiteDto,
  NETWORK_SITE_SORTABLE,
  NetworkSiteFilterDto,
  NetworkSiteResponseDto,
  NetworkSiteSortField,
  UpdateNetworkSiteDto,
} from './dto/network-site.dto';
import { NetworkSitesService } from './network-sites.service';

/** The operator's network sites: read with network.read, defined with network.configure. */
@ApiTags('elevation')
@Controller('network-sites')
export class NetworkSitesController {
  constructor(private readonly sites: NetworkSitesService) {}

  @Get()
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiList(NetworkSiteFilterDto)
  @ApiOkResponse({ type: [NetworkSiteResponseDto] })
  list(
    @Query(new ListQueryPipe(NetworkSiteFilterDto, NETWORK_SITE_SORTABLE, { field: 'name', order: 'ASC' }))
    query: ListQuery<NetworkSiteFilterDto, NetworkSiteSortField>,
  ) {
    return this.sites.list(query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiOkResponse({ type: NetworkSiteResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.sites.get(id);
  }

  @Post()
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiCreatedResponse({ type: NetworkSiteResponseDto })
  create(@Body() dto: CreateNetworkSiteDto) {
    return this.sites.create(dto);
  }

  @Patch(':id')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiOkResponse({ type: NetworkSiteResponseDto, description: 'The changed site; the profiles cached for it are dropped' })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateNetworkSiteDto) {
    return this.sites.update(id, dto);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiOkResponse({ type: NetworkSiteResponseDto, description: 'The deleted site' })
  delete(@Param('id', ParseIntPipe) id: number) {
    return this.sites.delete(id);
  }
}
