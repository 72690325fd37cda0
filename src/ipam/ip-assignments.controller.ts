import { Body, Controller, Delete, Get, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import {
  CreateIpAssignmentDto,
  CreateUninventoriedMacDto,
  IP_ASSIGNMENT_SORTABLE,
  IpAssignmentFilterDto,
  IpAssignmentResponseDto,
  IpAssignmentSortField,
  MoveIpAssignmentsDto,
  UninventoriedMacResponseDto,
  UpdateIpAssignmentDto,
} from './dto/ip-assignment.dto';
import { IpAssignmentsService } from './ip-assignments.service';
import { UninventoriedMacsService } from './uninventoried-macs.service';

@ApiTags('ip assignments')
@Controller()
export class IpAssignmentsController {
  constructor(
    private readonly assignments: IpAssignmentsService,
    private readonly uninventoriedMacs: UninventoriedMacsService,
  ) {}

  @Get('accounts/:id/uninventoried-macs')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiOkResponse({ type: [UninventoriedMacResponseDto] })
  listMacs(@Param('id', ParseIntPipe) accountId: number) {
    return this.uninventoriedMacs.list(accountId);
  }

  @Post('accounts/:id/uninventoried-macs')
  @Authenticated({ permission: Permission.NetworkManage })
  @ApiCreatedResponse({ type: UninventoriedMacResponseDto })
  @ApiOperation({ summary: 'Keep a MAC address on the account, with an address assigned to it at once when a pool or address is given' })
  createMac(@Param('id', ParseIntPipe) accountId: number, @Body() dto: CreateUninventoriedMacDto, @CurrentUser() user: AuthenticatedUser) {
    return this.uninventoriedMacs.create(accountId, dto, user);
  }

  @Delete('uninventoried-macs/:id')
  @Authenticated({ permission: Permission.NetworkManage })
  @ApiOkResponse({ type: UninventoriedMacResponseDto, description: 'The removed MAC address; its addresses are removed with it' })
  deleteMac(@Param('id', ParseIntPipe) id: number, @CurrentUser() user: AuthenticatedUser) {
    return this.uninventoriedMacs.delete(id, user);
  }

  @Get('accounts/:id/ip-assignments')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiList(IpAssignmentFilterDto)
  @ApiOkResponse({ type: [IpAssignmentResponseDto] })
  list(
    @Param('id', ParseIntPipe) accountId: number,
    @Query(new ListQueryPipe(IpAssignmentFilterDto, IP_ASSIGNMENT_SORTABLE, { field: 'assignedAt', order: 'DESC' }))
    query: ListQuery<IpAssignmentFilterDto, IpAssignmentSortField>,
  ) {
    return this.assignments.list(accountId, query);
  }

  @Post('accounts/:id/ip-assignments')
  @Authenticated({ permission: Permission.NetworkManage })
  @ApiCreatedResponse({ type: IpAssignmentResponseDto })
  create(@Param('id', ParseIntPipe) accountId: number, @Body() dto: CreateIpAssignmentDto, @CurrentUser() user: AuthenticatedUser) {
    return this.assignments.create(accountId, dto, user);
  }

  @Post('accounts/:id/ip-assignments/move')
  @Authenticated({ permission: Permission.NetworkManage })
  @ApiCreatedResponse({ type: [IpAssignmentResponseDto], description: 'The assignments as the other account now holds them' })
  @ApiOperation({ summary: 'Move every active assignment of the account to another account' })
  moveAll(@Param('id', ParseIntPipe) accountId: number, @Body() dto: MoveIpAssignmentsDto, @CurrentUser() user: AuthenticatedUser) {
    return this.assignments.moveAll(accountId, dto, user);
  }

  @Get('ip-assignments/:id')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiOkResponse({ type: IpAssignmentResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.assignments.get(id);
  }

  @Patch('ip-assignments/:id')
  @Authenticated({ permission: Permission.NetworkManage })
  @ApiOkResponse({ type: IpAssignmentResponseDto, description: 'After a move, the new assignment (the old one stays in the history)' })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateIpAssignmentDto, @CurrentUser() user: AuthenticatedUser) {
    return this.assignments.update(id, dto, user);
  }

  @Delete('ip-assignments/:id')
  @Authenticated({ permission: Permission.NetworkManage })
  @ApiOkResponse({ type: IpAssignmentResponseDto, description: 'The removed assignment, kept in the history' })
  remove(@Param('id', ParseIntPipe) id: number, @CurrentUser() user: AuthenticatedUser) {
    return this.assignments.remove(id, user);
  }
}
