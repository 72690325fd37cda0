import { Body, Controller, Delete, Get, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import {
  CreateTicketGroupDto,
  TICKET_GROUP_SORTABLE,
  TicketGroupFilterDto,
  TicketGroupResponseDto,
  TicketGroupSortField,
  UpdateTicketGroupDto,
} from './dto/ticket-group.dto';
import {
  CreateTicketStatusDto,
  TICKET_STATUS_SORTABLE,
  TicketStatusFilterDto,
  TicketStatusResponseDto,
  TicketStatusSortField,
  UpdateTicketStatusDto,
} from './dto/ticket-status.dto';
import { TicketSettingsService } from './ticket-settings.service';

@ApiTags('tickets')
@Controller()
export class TicketSettingsController {
  constructor(private readonly settings: TicketSettingsService) {}

  @Get('ticket-statuses')
  @Authenticated({ permission: Permission.TicketsRead })
  @ApiList(TicketStatusFilterDto)
  @ApiOkResponse({ type: [TicketStatusResponseDto] })
  @ApiOperation({ summary: 'List the ticket statuses' })
  listStatuses(
    @Query(new ListQueryPipe(TicketStatusFilterDto, TICKET_STATUS_SORTABLE, { field: 'position', order: 'ASC' }))
    query: ListQuery<TicketStatusFilterDto, TicketStatusSortField>,
  ) {
    return this.settings.listStatuses(query);
  }

  @Get('ticket-statuses/:id')
  @Authenticated({ permission: Permission.TicketsRead })
  @ApiOkResponse({ type: TicketStatusResponseDto })
  @ApiOperation({ summary: 'Get a ticket status' })
  getStatus(@Param('id', ParseIntPipe) id: number) {
    return this.settings.getStatus(id);
  }

  @Post('ticket-statuses')
  @Authenticated({ permission: Permission.TicketsConfigure })
  @ApiCreatedResponse({ type: TicketStatusResponseDto })
  @ApiOperation({ summary: 'Add a ticket status' })
  createStatus(@Body() dto: CreateTicketStatusDto) {
    return this.settings.createStatus(dto);
  }

  @Patch('ticket-statuses/:id')
  @Authenticated({ permission: Permission.TicketsConfigure })
  @ApiOkResponse({ type: TicketStatusResponseDto })
  @ApiOperation({ summary: 'Change a ticket status' })
  updateStatus(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateTicketStatusDto) {
    return this.settings.updateStatus(id, dto);
  }

  @Delete('ticket-statuses/:id')
  @Authenticated({ permission: Permission.TicketsConfigure })
  @ApiOkResponse({ type: TicketStatusResponseDto, description: 'The deleted status' })
  @ApiOperation({ summary: 'Delete a ticket status' })
  deleteStatus(@Param('id', ParseIntPipe) id: number) {
    return this.settings.deleteStatus(id);
  }

  @Get('ticket-groups')
  @Authenticated({ permission: Permission.TicketsRead })
  @ApiList(TicketGroupFilterDto)
  @ApiOkResponse({ type: [TicketGroupResponseDto] })
  @ApiOperation({ summary: 'List the ticket groups' })
  listGroups(
    @Query(new ListQueryPipe(TicketGroupFilterDto, TICKET_GROUP_SORTABLE, { field: 'name', order: 'ASC' }))
    query: ListQuery<TicketGroupFilterDto, TicketGroupSortField>,
  ) {
    return this.settings.listGroups(query);
  }

  @Get('ticket-groups/:id')
  @Authenticated({ permission: Permission.TicketsRead })
  @ApiOkResponse({ type: TicketGroupResponseDto })
  @ApiOperation({ summary: 'Get a ticket group' })
  getGroup(@Param('id', ParseIntPipe) id: number) {
    return this.settings.getGroup(id);
  }

  @Post('ticket-groups')
  @Authenticated({ permission: Permission.TicketsConfigure })
  @ApiCreatedResponse({ type: TicketGroupResponseDto })
  @ApiOperation({ summary: 'Add a ticket group' })
  createGroup(@Body() dto: CreateTicketGroupDto) {
    return this.settings.createGroup(dto);
  }

  @Patch('ticket-groups/:id')
  @Authenticated({ permission: Permission.TicketsConfigure })
  @ApiOkResponse({ type: TicketGroupResponseDto })
  @ApiOperation({ summary: 'Change a ticket group' })
  updateGroup(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateTicketGroupDto) {
    return this.settings.updateGroup(id, dto);
  }

  @Delete('ticket-groups/:id')
  @Authenticated({ permission: Permission.TicketsConfigure })
  @ApiOkResponse({ type: TicketGroupResponseDto, description: 'The deleted group' })
  @ApiOperation({ summary: 'Delete a ticket group' })
  deleteGroup(@Param('id', ParseIntPipe) id: number) {
    return this.settings.deleteGroup(id);
  }
}
