import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { CreateTaxDto, TAX_SORTABLE, TaxFilterDto, TaxResponseDto, TaxSortField, UpdateTaxDto } from './dto/tax.dto';
import { TaxesService } from './taxes.service';

@ApiTags('taxes')
@Controller('taxes')
export class TaxesController {
  constructor(private readonly taxes: TaxesService) {}

  @Get()
  @Authenticated({ permission: Permission.BillingRead })
  @ApiList(TaxFilterDto)
  @ApiOkResponse({ type: [TaxResponseDto] })
  list(
    @Query(new ListQueryPipe(TaxFilterDto, TAX_SORTABLE, { field: 'name', order: 'ASC' })) query: ListQuery<TaxFilterDto, TaxSortField>,
  ) {
    return this.taxes.list(query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: TaxResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.taxes.get(id);
  }

  @Post()
  @Authenticated({ permission: Permission.BillingConfigure })
  @ApiCreatedResponse({ type: TaxResponseDto })
  create(@Body() dto: CreateTaxDto) {
    return this.taxes.create(dto);
  }

  @Put(':id')
  @Authenticated({ permission: Permission.BillingConfigure })
  @ApiOkResponse({ type: TaxResponseDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateTaxDto) {
    return this.taxes.update(id, dto);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.BillingConfigure })
  @ApiOkResponse({ type: TaxResponseDto, description: 'Deletes its zones too; 409 while accounts, services or charges use the tax' })
  remove(@Param('id', ParseIntPipe) id: number) {
    return this.taxes.remove(id);
  }
}
