import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { ACCOUNT_GROUPS, ACCOUNT_STATUSES, ACCOUNT_TYPES, AccountLookupsService } from './account-lookups.service';
import {
  ACCOUNT_LOOKUP_SORTABLE,
  AccountGroupResponseDto,
  AccountLookupFilterDto,
  AccountLookupSortField,
  AccountStatusResponseDto,
  AccountTypeResponseDto,
  CreateAccountGroupDto,
  CreateAccountStatusDto,
  CreateAccountTypeDto,
  UpdateAccountGroupDto,
  UpdateAccountStatusDto,
  UpdateAccountTypeDto,
} from './dto/account-lookup.dto';

const lookupListPipe = new ListQueryPipe(AccountLookupFilterDto, ACCOUNT_LOOKUP_SORTABLE, { field: 'name', order: 'ASC' });

@ApiTags('accounts')
@Controller('account-types')
export class AccountTypesController {
  constructor(private readonly lookups: AccountLookupsService) {}

  @Get()
  @Authenticated({ permission: Permission.AccountsRead })
  @ApiList(AccountLookupFilterDto)
  @ApiOkResponse({ type: [AccountTypeResponseDto] })
  list(@Query(lookupListPipe) query: ListQuery<AccountLookupFilterDto, AccountLookupSortField>) {
    return this.lookups.list(ACCOUNT_TYPES, query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.AccountsRead })
  @ApiOkResponse({ type: AccountTypeResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.lookups.get(ACCOUNT_TYPES, id);
  }

  @Post()
  @Authenticated({ permission: Permission.AccountsConfigure })
  @ApiCreatedResponse({ type: AccountTypeResponseDto })
  create(@Body() dto: CreateAccountTypeDto) {
    return this.lookups.create(ACCOUNT_TYPES, dto);
  }

  @Put(':id')
  @Authenticated({ permission: Permission.AccountsConfigure })
  @ApiOkResponse({ type: AccountTypeResponseDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateAccountTypeDto) {
    return this.lookups.update(ACCOUNT_TYPES, id, dto);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.AccountsConfigure })
  @ApiOkResponse({ type: AccountTypeResponseDto })
  remove(@Param('id', ParseIntPipe) id: number) {
    return this.lookups.remove(ACCOUNT_TYPES, id);
  }
}

@ApiTags('accounts')
@Controller('account-statuses')
export class AccountStatusesController {
  constructor(private readonly lookups: AccountLookupsService) {}

  @Get()
  @Authenticated({ permission: Permission.AccountsRead })
  @ApiList(AccountLookupFilterDto)
  @ApiOkResponse({ type: [AccountStatusResponseDto] })
  list(@Query(lookupListPipe) query: ListQuery<AccountLookupFilterDto, AccountLookupSortField>) {
    return this.lookups.list(ACCOUNT_STATUSES, query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.AccountsRead })
  @ApiOkResponse({ type: AccountStatusResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.lookups.get(ACCOUNT_STATUSES, id);
  }

  @Post()
  @Authenticated({ permission: Permission.AccountsConfigure })
  @ApiCreatedResponse({ type: AccountStatusResponseDto })
  create(@Body() dto: CreateAccountStatusDto) {
    return this.lookups.create(ACCOUNT_STATUSES, dto);
  }

  @Put(':id')
  @Authenticated({ permission: Permission.AccountsConfigure })
  @ApiOkResponse({ type: AccountStatusResponseDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateAccountStatusDto) {
    return this.lookups.update(ACCOUNT_STATUSES, id, dto);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.AccountsConfigure })
  @ApiOkResponse({ type: AccountStatusResponseDto })
  remove(@Param('id', ParseIntPipe) id: number) {
    return this.lookups.remove(ACCOUNT_STATUSES, id);
  }
}

@ApiTags('accounts')
@Controller('account-groups')
export class AccountGroupsController {
  constructor(private readonly lookups: AccountLookupsService) {}

  @Get()
  @Authenticated({ permission: Permission.AccountsRead })
  @ApiList(AccountLookupFilterDto)
  @ApiOkResponse({ type: [AccountGroupResponseDto] })
  list(@Query(lookupListPipe) query: ListQuery<AccountLookupFilterDto, AccountLookupSortField>) {
    return this.lookups.list(ACCOUNT_GROUPS, query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.AccountsRead })
  @ApiOkResponse({ type: AccountGroupResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.lookups.get(ACCOUNT_GROUPS, id);
  }

  @Post()
  @Authenticated({ permission: Permission.AccountsConfigure })
  @ApiCreatedResponse({ type: AccountGroupResponseDto })
  create(@Body() dto: CreateAccountGroupDto) {
    return this.lookups.create(ACCOUNT_GROUPS, dto);
  }

  @Put(':id')
  @Authenticated({ permission: Permission.AccountsConfigure })
  @ApiOkResponse({ type: AccountGroupResponseDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateAccountGroupDto) {
    return this.lookups.update(ACCOUNT_GROUPS, id, dto);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.AccountsConfigure })
  @ApiOkResponse({ type: AccountGroupResponseDto })
  remove(@Param('id', ParseIntPipe) id: number) {
    return this.lookups.remove(ACCOUNT_GROUPS, id);
  }
}
