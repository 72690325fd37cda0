import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import {
  CreateTaxZoneDto,
  TAX_ZONE_SORTABLE,
  TaxZoneFilterDto,
  TaxZoneResponseDto,
  TaxZoneSortField,
  UpdateTaxZoneDto,
} from './dto/tax-zone.dto';
import { TaxZonesService } from './tax-zones.service';

@ApiTags('taxes')
@Controller('tax-zones')
export class TaxZonesController {
  constructor(private readonly zones: TaxZonesService) {}

  @Get()
  @Authenticated({ permission: Permission.BillingRead })
  @ApiList(TaxZoneFilterDto)
  @ApiOkResponse({ type: [TaxZoneResponseDto] })
  list(
    @Query(new ListQueryPipe(TaxZoneFilterDto, TAX_ZONE_SORTABLE, { field: 'name', order: 'ASC' }))
    query: ListQuery<TaxZoneFilterDto, TaxZoneSortField>,
  ) {
    return this.zones.list(query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: TaxZoneResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.zones.get(id);
  }

  @Post()
  @Authenticated({ permission: Permission.BillingConfigure })
  @ApiCreatedResponse({ type: TaxZoneResponseDto })
  create(@Body() dto: CreateTaxZoneDto) {
    return this.zones.create(dto);
  }

  @Put(':id')
  @Authenticated({ permission: Permission.BillingConfigure })
  @ApiOkResponse({ type: TaxZoneResponseDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateTaxZoneDto) {
    return this.zones.update(id, dto);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.BillingConfigure })
  @ApiOkResponse({ type: TaxZoneResponseDto })
  remove(@Param('id', ParseIntPipe) id: number) {
    return this.zones.remove(id);
  }
}
