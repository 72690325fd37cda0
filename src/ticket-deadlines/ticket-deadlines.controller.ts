import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { BusinessHoursDto, UpdateBusinessHoursDto } from './dto/business-hours.dto';
import {
  CreateDeadlineTargetDto,
  DEADLINE_TARGET_SORTABLE,
  DeadlineTargetDto,
  DeadlineTargetFilterDto,
  DeadlineTargetSortField,
  UpdateDeadlineTargetDto,
} from './dto/deadline-target.dto';
import {
  CreateTicketHolidayDto,
  TICKET_HOLIDAY_SORTABLE,
  TicketHolidayDto,
  TicketHolidayFilterDto,
  TicketHolidaySortField,
  UpdateTicketHolidayDto,
} from './dto/ticket-holiday.dto';
import { TicketDeadlineReconciliationDto, TicketDeadlineStateDto } from './dto/ticket-deadline-state.dto';
import { TicketDeadlineSettingsService } from './ticket-deadline-settings.service';
import { TicketDeadlineTimers } from './ticket-deadline-timers';
import { TicketDeadlinesService } from './ticket-deadlines.service';

@ApiTags('ticket deadlines')
@Controller()
export class TicketDeadlinesController {
  constructor(
    private readonly settings: TicketDeadlineSettingsService,
    private readonly deadlines: TicketDeadlinesService,
    private readonly timers: TicketDeadlineTimers,
  ) {}

  @Get('ticket-business-hours/week')
  @Authenticated({ permission: Permission.TicketsRead })
  @ApiOkResponse({ type: BusinessHoursDto })
  @ApiOperation({ summary: 'The weekly hours ticket targets run in' })
  hours() {
    return this.settings.hours();
  }

  @Put('ticket-business-hours/week')
  @Authenticated({ permission: Permission.TicketsConfigure })
  @ApiOkResponse({ type: BusinessHoursDto })
  @ApiOperation({ summary: 'Replace the weekly hours ticket targets run in' })
  replaceHours(@Body() dto: UpdateBusinessHoursDto) {
    return this.settings.replaceHours(dto);
  }

  @Get('ticket-holidays')
  @Authenticated({ permission: Permission.TicketsRead })
  @ApiList(TicketHolidayFilterDto)
  @ApiOkResponse({ type: [TicketHolidayDto] })
  listHolidays(
    @Query(new ListQueryPipe(TicketHolidayFilterDto, TICKET_HOLIDAY_SORTABLE, { field: 'date', order: 'ASC' }))
    query: ListQuery<TicketHolidayFilterDto, TicketHolidaySortField>,
  ) {
    return this.settings.listHolidays(query);
  }

  @Get('ticket-holidays/:id')
  @Authenticated({ permission: Permission.TicketsRead })
  @ApiOkResponse({ type: TicketHolidayDto })
  holiday(@Param('id', ParseIntPipe) id: number) {
    return this.settings.holiday(id);
  }

  @Post('ticket-holidays')
  @Authenticated({ permission: Permission.TicketsConfigure })
  @ApiCreatedResponse({ type: TicketHolidayDto })
  createHoliday(@Body() dto: CreateTicketHolidayDto) {
    return this.settings.createHoliday(dto);
  }

  @Put('ticket-holidays/:id')
  @Authenticated({ permission: Permission.TicketsConfigure })
  @ApiOkResponse({ type: TicketHolidayDto })
  updateHoliday(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateTicketHolidayDto) {
    return this.settings.updateHoliday(id, dto);
  }

  @Delete('ticket-holidays/:id')
  @Authenticated({ permission: Permission.TicketsConfigure })
  @ApiOkResponse({ type: TicketHolidayDto })
  removeHoliday(@Param('id', ParseIntPipe) id: number) {
    return this.settings.removeHoliday(id);
  }

  @Get('ticket-deadline-targets')
  @Authenticated({ permission: Permission.TicketsRead })
  @ApiList(DeadlineTargetFilterDto)
  @ApiOkResponse({ type: [DeadlineTargetDto] })
  listTargets(
    @Query(new ListQueryPipe(DeadlineTargetFilterDto, DEADLINE_TARGET_SORTABLE, { field: 'id', order: 'ASC' }))
    query: ListQuery<DeadlineTargetFilterDto, DeadlineTargetSortField>,
  ) {
    return this.settings.listTargets(query);
  }

  @Get('ticket-deadline-targets/:id')
  @Authenticated({ permission: Permission.TicketsRead })
  @ApiOkResponse({ type: DeadlineTargetDto })
  target(@Param('id', ParseIntPipe) id: number) {
    return this.settings.target(id);
  }

  @Post('ticket-deadline-targets')
  @Authenticated({ permission: Permission.TicketsConfigure })
  @ApiCreatedResponse({ type: DeadlineTargetDto })
  createTarget(@Body() dto: CreateDeadlineTargetDto) {
    return this.settings.createTarget(dto);
  }

  @Put('ticket-deadline-targets/:id')
  @Authenticated({ permission: Permission.TicketsConfigure })
  @ApiOkResponse({ type: DeadlineTargetDto })
  updateTarget(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateDeadlineTargetDto) {
    return this.settings.updateTarget(id, dto);
  }

  @Delete('ticket-deadline-targets/:id')
  @Authenticated({ permission: Permission.TicketsConfigure })
  @ApiOkResponse({ type: DeadlineTargetDto })
  removeTarget(@Param('id', ParseIntPipe) id: number) {
    return this.settings.removeTarget(id);
  }

  @Get('tickets/:id/deadlines')
  @Authenticated({ permission: Permission.TicketsRead })
  @ApiOkResponse({ type: TicketDeadlineStateDto })
  @ApiOperation({ summary: "The ticket's deadlines and breaches" })
  ticketDeadlines(@Param('id', ParseIntPipe) id: number) {
    return this.deadlines.state(id);
  }

  @Post('ticket-deadlines/reconcile')
  @Authenticated({ permission: Permission.TicketsConfigure })
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDeadlineReconciliationDto })
  @ApiOperation({ summary: 'Start a deadline timer for every open ticket that has none' })
  reconcile() {
    return this.timers.reconcile();
  }
}
