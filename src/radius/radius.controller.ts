import { Body, Controller, Delete, Get, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import {
  CreateNasDeviceDto,
  NAS_SORTABLE,
  NasDeviceFilterDto,
  NasDeviceResponseDto,
  NasSortField,
  UpdateNasDeviceDto,
} from './dto/nas-device.dto';
import {
  CreateRadiusAccountDto,
  RADIUS_ACCOUNT_SORTABLE,
  RadiusAccountFilterDto,
  RadiusAccountResponseDto,
  RadiusAccountSortField,
  UpdateRadiusAccountDto,
} from './dto/radius-account.dto';
import { NasDevicesService } from './nas-devices.service';
import { RadiusAccountsService } from './radius-accounts.service';

@ApiTags('radius')
@Controller()
export class RadiusController {
  constructor(
    private readonly radiusAccounts: RadiusAccountsService,
    private readonly nasDevices: NasDevicesService,
  ) {}

  @Get('accounts/:id/radius-accounts')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiList(RadiusAccountFilterDto)
  @ApiOkResponse({ type: [RadiusAccountResponseDto] })
  list(
    @Param('id', ParseIntPipe) accountId: number,
    @Query(new ListQueryPipe(RadiusAccountFilterDto, RADIUS_ACCOUNT_SORTABLE, { field: 'username', order: 'ASC' }))
    query: ListQuery<RadiusAccountFilterDto, RadiusAccountSortField>,
  ) {
    return this.radiusAccounts.list(accountId, query);
  }

  @Post('accounts/:id/radius-accounts')
  @Authenticated({ permission: Permission.NetworkManage })
  @ApiCreatedResponse({ type: RadiusAccountResponseDto })
  create(@Param('id', ParseIntPipe) accountId: number, @Body() dto: CreateRadiusAccountDto, @CurrentUser() user: AuthenticatedUser) {
    return this.radiusAccounts.create(accountId, dto, user);
  }

  @Get('radius-accounts/:id')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiOkResponse({ type: RadiusAccountResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.radiusAccounts.get(id);
  }

  @Patch('radius-accounts/:id')
  @Authenticated({ permission: Permission.NetworkManage })
  @ApiOkResponse({ type: RadiusAccountResponseDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateRadiusAccountDto) {
    return this.radiusAccounts.update(id, dto);
  }

  @Delete('radius-accounts/:id')
  @Authenticated({ permission: Permission.NetworkManage })
  @ApiOkResponse({ type: RadiusAccountResponseDto, description: 'The deleted RADIUS account; one that still holds addresses is refused' })
  delete(@Param('id', ParseIntPipe) id: number) {
    return this.radiusAccounts.delete(id);
  }

  @Get('nas-devices')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiList(NasDeviceFilterDto)
  @ApiOkResponse({ type: [NasDeviceResponseDto] })
  listNas(
    @Query(new ListQueryPipe(NasDeviceFilterDto, NAS_SORTABLE, { field: 'name', order: 'ASC' }))
    query: ListQuery<NasDeviceFilterDto, NasSortField>,
  ) {
    return this.nasDevices.list(query);
  }

  @Get('nas-devices/:id')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiOkResponse({ type: NasDeviceResponseDto })
  getNas(@Param('id', ParseIntPipe) id: number) {
    return this.nasDevices.get(id);
  }

  @Post('nas-devices')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiCreatedResponse({ type: NasDeviceResponseDto })
  createNas(@Body() dto: CreateNasDeviceDto) {
    return this.nasDevices.create(dto);
  }

  @Patch('nas-devices/:id')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiOkResponse({ type: NasDeviceResponseDto })
  updateNas(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateNasDeviceDto) {
    return this.nasDevices.update(id, dto);
  }

  @Delete('nas-devices/:id')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiOkResponse({ type: NasDeviceResponseDto })
  deleteNas(@Param('id', ParseIntPipe) id: number) {
    return this.nasDevices.delete(id);
  }
}
