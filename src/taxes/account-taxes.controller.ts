import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { AccountTaxOverridesService } from './account-tax-overrides.service';
import {
  ACCOUNT_TAX_OVERRIDE_SORTABLE,
  AccountTaxOverrideFilterDto,
  AccountTaxOverrideResponseDto,
  AccountTaxOverrideSortField,
  CreateAccountTaxOverrideDto,
  GEO_TAX_SORTABLE,
  GeoTaxFilterDto,
  GeoTaxResponseDto,
  GeoTaxSortField,
  UpdateAccountTaxOverrideDto,
} from './dto/account-tax-override.dto';
import { TaxService } from './tax.service';

/** What the account's Taxes tab shows and changes: the zones it falls in and its own exceptions. */
@ApiTags('taxes')
@Controller('accounts/:accountId')
export class AccountTaxesController {
  constructor(
    private readonly overrides: AccountTaxOverridesService,
    private readonly taxes: TaxService,
  ) {}

  @Get('geo-taxes')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiList(GeoTaxFilterDto)
  @ApiOkResponse({ type: [GeoTaxResponseDto], description: "Geographic taxes with a zone containing the account's service location" })
  @ApiOperation({ summary: "List the geographic taxes of an account's service location" })
  geoTaxes(
    @Param('accountId', ParseIntPipe) accountId: number,
    @Query(new ListQueryPipe(GeoTaxFilterDto, GEO_TAX_SORTABLE, { field: 'taxName', order: 'ASC' }))
    query: ListQuery<GeoTaxFilterDto, GeoTaxSortField>,
  ) {
    return this.taxes.geoTaxesFor(accountId, query);
  }

  @Get('tax-overrides')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiList(AccountTaxOverrideFilterDto)
  @ApiOkResponse({ type: [AccountTaxOverrideResponseDto] })
  list(
    @Param('accountId', ParseIntPipe) accountId: number,
    @Query(new ListQueryPipe(AccountTaxOverrideFilterDto, ACCOUNT_TAX_OVERRIDE_SORTABLE, { field: 'taxName', order: 'ASC' }))
    query: ListQuery<AccountTaxOverrideFilterDto, AccountTaxOverrideSortField>,
  ) {
    return this.overrides.list(accountId, query);
  }

  @Get('tax-overrides/:id')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: AccountTaxOverrideResponseDto })
  get(@Param('accountId', ParseIntPipe) accountId: number, @Param('id', ParseIntPipe) id: number) {
    return this.overrides.get(accountId, id);
  }

  @Post('tax-overrides')
  @Authenticated({ permission: Permission.BillingManage })
  @ApiCreatedResponse({ type: AccountTaxOverrideResponseDto })
  create(@Param('accountId', ParseIntPipe) accountId: number, @Body() dto: CreateAccountTaxOverrideDto) {
    return this.overrides.create(accountId, dto);
  }

  @Put('tax-overrides/:id')
  @Authenticated({ permission: Permission.BillingManage })
  @ApiOkResponse({ type: AccountTaxOverrideResponseDto })
  update(
    @Param('accountId', ParseIntPipe) accountId: number,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateAccountTaxOverrideDto,
  ) {
    return this.overrides.update(accountId, id, dto);
  }

  @Delete('tax-overrides/:id')
  @Authenticated({ permission: Permission.BillingManage })
  @ApiOkResponse({ type: AccountTaxOverrideResponseDto })
  remove(@Param('accountId', ParseIntPipe) accountId: number, @Param('id', ParseIntPipe) id: number) {
    return this.overrides.remove(accountId, id);
  }
}
