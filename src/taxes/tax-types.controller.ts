import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import {
  CreateTaxTypeDto,
  TAX_TYPE_SORTABLE,
  TaxTypeFilterDto,
  TaxTypeResponseDto,
  TaxTypeSortField,
  UpdateTaxTypeDto,
} from './dto/tax-type.dto';
import { TaxTypesService } from './tax-types.service';

@ApiTags('taxes')
@Controller('tax-types')
export class TaxTypesController {
  constructor(private readonly types: TaxTypesService) {}

  @Get()
  @Authenticated({ permission: Permission.BillingRead })
  @ApiList(TaxTypeFilterDto)
  @ApiOkResponse({ type: [TaxTypeResponseDto] })
  list(
    @Query(new ListQueryPipe(TaxTypeFilterDto, TAX_TYPE_SORTABLE, { field: 'name', order: 'ASC' }))
    query: ListQuery<TaxTypeFilterDto, TaxTypeSortField>,
  ) {
    return this.types.list(query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: TaxTypeResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.types.get(id);
  }

  @Post()
  @Authenticated({ permission: Permission.BillingConfigure })
  @ApiCreatedResponse({ type: TaxTypeResponseDto })
  create(@Body() dto: CreateTaxTypeDto) {
    return this.types.create(dto);
  }

  @Put(':id')
  @Authenticated({ permission: Permission.BillingConfigure })
  @ApiOkResponse({ type: TaxTypeResponseDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateTaxTypeDto) {
    return this.types.update(id, dto);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.BillingConfigure })
  @ApiOkResponse({ type: TaxTypeResponseDto })
  remove(@Param('id', ParseIntPipe) id: number) {
    return this.types.remove(id);
  }
}
