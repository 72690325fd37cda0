import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { DelinquencyExclusionDatesService } from './delinquency-exclusion-dates.service';
import {
  CreateDelinquencyExclusionDateDto,
  DelinquencyExclusionDateDto,
  DelinquencyExclusionDateFilterDto,
  EXCLUSION_DATE_SORTABLE,
  ExclusionDateSortField,
  UpdateDelinquencyExclusionDateDto,
} from './dto/delinquency-exclusion-date.dto';

@ApiTags('billing configuration')
@Controller('delinquency-exclusion-dates')
export class DelinquencyExclusionDatesController {
  constructor(private readonly dates: DelinquencyExclusionDatesService) {}

  @Get()
  @Authenticated({ permission: Permission.BillingRead })
  @ApiList(DelinquencyExclusionDateFilterDto)
  @ApiOkResponse({ type: [DelinquencyExclusionDateDto] })
  list(
    @Query(new ListQueryPipe(DelinquencyExclusionDateFilterDto, EXCLUSION_DATE_SORTABLE, { field: 'date', order: 'ASC' }))
    query: ListQuery<DelinquencyExclusionDateFilterDto, ExclusionDateSortField>,
  ) {
    return this.dates.list(query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: DelinquencyExclusionDateDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.dates.get(id);
  }

  @Post()
  @Authenticated({ permission: Permission.BillingConfigure })
  @ApiCreatedResponse({ type: DelinquencyExclusionDateDto })
  create(@Body() dto: CreateDelinquencyExclusionDateDto) {
    return this.dates.create(dto);
  }

  @Put(':id')
  @Authenticated({ permission: Permission.BillingConfigure })
  @ApiOkResponse({ type: DelinquencyExclusionDateDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateDelinquencyExclusionDateDto) {
    return this.dates.update(id, dto);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.BillingConfigure })
  @ApiOkResponse({ type: DelinquencyExclusionDateDto })
  remove(@Param('id', ParseIntPipe) id: number) {
    return this.dates.remove(id);
  }
}
