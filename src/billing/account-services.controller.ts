import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { DomainException } from '../common/errors';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { AccountServicesService } from './account-services.service';
import {
  AccountServiceFilterDto,
  AccountServiceResponseDto,
  AddAccountServiceDto,
  ChangeQuantityDto,
  EditAccountServiceDto,
  RemoveAccountServiceDto,
} from './dto/account-service.dto';
import { AuthErrorCode } from '../auth/auth.error-codes';

/** Choosing proration by hand is a separate permission; without it the billing configuration decides. */
function assertMayChooseProration(user: AuthenticatedUser, prorate: boolean | undefined): void {
  if (prorate !== undefined && !user.permissions.has(Permission.BillingProrationOverride)) {
    throw new DomainException(AuthErrorCode.Forbidden, `Choosing proration needs the ${Permission.BillingProrationOverride} permission`, [
      { field: 'prorate', rule: 'permission', message: `leave prorate out, or ask for ${Permission.BillingProrationOverride}` },
    ]);
  }
}

@ApiTags('account services')
@Controller('account-services')
export class AccountServicesController {
  constructor(private readonly services: AccountServicesService) {}

  @Get()
  @Authenticated({ permission: Permission.BillingRead })
  @ApiList(AccountServiceFilterDto)
  @ApiOkResponse({ type: [AccountServiceResponseDto] })
  list(
    @Query(new ListQueryPipe(AccountServiceFilterDto, ['id'] as const, { field: 'id', order: 'ASC' }))
    q: ListQuery<AccountServiceFilterDto, 'id'>,
  ) {
    return this.services.list(q.filter, q.offset, q.limit);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: AccountServiceResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.services.get(id);
  }

  @Post()
  @Authenticated({ permission: Permission.BillingManage })
  @ApiCreatedResponse({ type: AccountServiceResponseDto })
  @ApiOperation({ summary: 'Add a service to an account' })
  add(@Body() dto: AddAccountServiceDto, @CurrentUser() user: AuthenticatedUser) {
    assertMayChooseProration(user, dto.prorate);
    return this.services.add(dto);
  }

  @Put(':id/quantity')
  @Authenticated({ permission: Permission.BillingManage })
  @ApiOkResponse({ type: AccountServiceResponseDto, description: 'The line that carries the new quantity from the given date' })
  @ApiOperation({ summary: "Change an account service's quantity" })
  changeQuantity(@Param('id', ParseIntPipe) id: number, @Body() dto: ChangeQuantityDto, @CurrentUser() user: AuthenticatedUser) {
    assertMayChooseProration(user, dto.prorate);
    return this.services.changeQuantity(id, dto);
  }

  @Patch(':id')
  @Authenticated({ permission: Permission.BillingManage })
  @ApiOkResponse({ type: AccountServiceResponseDto, description: 'The line as edited; a new line when its quantity or price changed' })
  @ApiOperation({ summary: 'Edit an account service (quantity, price override, proration date)' })
  edit(@Param('id', ParseIntPipe) id: number, @Body() dto: EditAccountServiceDto) {
    return this.services.edit(id, dto);
  }

  @Post(':id/remove')
  @HttpCode(200)
  @Authenticated({ permission: Permission.BillingManage })
  @ApiOkResponse({ type: AccountServiceResponseDto })
  @ApiOperation({ summary: 'Remove a service from an account' })
  remove(@Param('id', ParseIntPipe) id: number, @Body() dto: RemoveAccountServiceDto, @CurrentUser() user: AuthenticatedUser) {
    assertMayChooseProration(user, dto.prorate);
    return this.services.remove(id, dto);
  }
}
