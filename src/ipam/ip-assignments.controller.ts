import { Body, Controller, Delete, Get, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import {
  CreateIpAssignmentDto,
  IP_ASSIGNMENT_SORTABLE,
  IpAssignmentFilterDto,
  IpAssignmentResponseDto,
  IpAssignmentSortField,
  MoveIpAssignmentsDto,
  UpdateIpAssignmentDto,
} from './dto/ip-assignment.dto';
import { IpAssignmentsService } from './ip-assignments.service';

@ApiTags('ip assignments')
@Controller()
export class IpAssignmentsController {
  constructor(private readonly assignments: IpAssignmentsService) {}

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
