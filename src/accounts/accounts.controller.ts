import { Body, Controller, Get, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { AccountSearchService } from './account-search.service';
import { AccountsService } from './accounts.service';
import {
  ACCOUNT_SORTABLE,
  AccountFilterDto,
  AccountResponseDto,
  AccountSortField,
  CreateAccountDto,
  SearchHitDto,
  SearchQueryDto,
  UpdateAccountDto,
} from './dto/account.dto';

const accountListPipe = new ListQueryPipe(AccountFilterDto, ACCOUNT_SORTABLE, { field: 'id', order: 'DESC' });

@ApiTags('accounts')
@Controller()
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly search: AccountSearchService,
  ) {}

  @Get('accounts')
  @Authenticated({ permission: Permission.AccountsRead })
  @ApiList(AccountFilterDto)
  @ApiOkResponse({ type: [AccountResponseDto] })
  list(@Query(accountListPipe) query: ListQuery<AccountFilterDto, AccountSortField>) {
    return this.accounts.list(query);
  }

  @Get('accounts/export.csv')
  @Authenticated({ permission: Permission.AccountsRead })
  @ApiList(AccountFilterDto)
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Export accounts as CSV' })
  @ApiOkResponse({ description: 'The filtered accounts', content: { 'text/csv': { schema: { type: 'string' } } } })
  async exportCsv(@Query(accountListPipe) query: ListQuery<AccountFilterDto, AccountSortField>, @Res() res: Response): Promise<void> {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="accounts.csv"');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    await this.accounts.writeCsv(query, res);
    res.end();
  }

  @Get('accounts/:id')
  @Authenticated({ permission: Permission.AccountsRead })
  @ApiOkResponse({ type: AccountResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.accounts.get(id);
  }

  @Post('accounts')
  @Authenticated({ permission: Permission.AccountsManage })
  @ApiCreatedResponse({ type: AccountResponseDto })
  @ApiBody({
    type: CreateAccountDto,
    examples: {
      residential: {
        summary: 'A residential account at its service address',
        value: {
          name: 'Jane Rivera',
          accountTypeId: 1,
          accountStatusId: 1,
          serviceAddress: {
            line1: '12 Oak St',
            city: 'Springfield',
            region: 'IL',
            postcode: '62701',
            country: 'US',
            latitude: '39.781721',
            longitude: '-89.650148',
          },
        },
      },
      billedElsewhere: {
        summary: 'Bills mailed to another address, in a group',
        value: {
          name: 'Rivera Farms LLC',
          accountTypeId: 2,
          accountStatusId: 1,
          groupIds: [3],
          serviceAddress: { line1: '4100 County Rd 9', city: 'Chatham', region: 'IL', postcode: '62629', country: 'US' },
          mailingAddress: { line1: 'PO Box 118', city: 'Chatham', region: 'IL', postcode: '62629', country: 'US' },
        },
      },
    },
  })
  create(@Body() dto: CreateAccountDto) {
    return this.accounts.create(dto);
  }

  @Put('accounts/:id')
  @Authenticated({ permission: Permission.AccountsManage })
  @ApiOkResponse({ type: AccountResponseDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateAccountDto) {
    return this.accounts.update(id, dto);
  }

  @Get('search')
  @Authenticated({ permission: Permission.AccountsRead })
  @ApiOkResponse({ type: [SearchHitDto] })
  @ApiOperation({ summary: 'Search accounts' })
  find(@Query() query: SearchQueryDto) {
    return this.search.search(query.q);
  }
}
