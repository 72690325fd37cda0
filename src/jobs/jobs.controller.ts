import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import {
  AccountJobFilterDto,
  ChangeJobStatusDto,
  CreateJobDto,
  CreateJobLinkDto,
  CreateTicketJobDto,
  JOB_ATTACHMENT_KINDS,
  JOB_SORTABLE,
  JobAttachmentKind,
  JobCalendarQueryDto,
  JobCalendarResponseDto,
  JobDetailResponseDto,
  JobFilterDto,
  JobResponseDto,
  JobSortField,
  ScheduleJobDto,
  UpdateJobDto,
} from './dto/job.dto';
import { JobBookingService } from './job-booking.service';
import { JobsService } from './jobs.service';
import { ParseAttachmentKindPipe } from './parse-attachment-kind.pipe';

const DEFAULT_SORT = { field: 'startsAt', order: 'DESC' } as const;

@ApiTags('jobs')
@Controller()
export class JobsController {
  constructor(
    private readonly jobs: JobsService,
    private readonly booking: JobBookingService,
  ) {}

  @Get('jobs')
  @Authenticated({ permission: Permission.JobsRead })
  @ApiList(JobFilterDto)
  @ApiOkResponse({ type: [JobResponseDto] })
  list(@Query(new ListQueryPipe(JobFilterDto, JOB_SORTABLE, DEFAULT_SORT)) query: ListQuery<JobFilterDto, JobSortField>) {
    return this.jobs.list(null, query);
  }

  // Declared before jobs/:id so that "calendar" is never read as an id.
  @Get('jobs/calendar')
  @Authenticated({ permission: Permission.JobsRead })
  @ApiOkResponse({ type: JobCalendarResponseDto })
  @ApiOperation({ summary: "Every technician's bookings between two instants" })
  calendar(@Query() query: JobCalendarQueryDto) {
    return this.booking.calendar(query);
  }

  @Get('accounts/:id/jobs')
  @Authenticated({ permission: Permission.JobsRead })
  @ApiList(AccountJobFilterDto)
  @ApiOkResponse({ type: [JobResponseDto] })
  listForAccount(
    @Param('id', ParseIntPipe) accountId: number,
    @Query(new ListQueryPipe(AccountJobFilterDto, JOB_SORTABLE, DEFAULT_SORT)) query: ListQuery<AccountJobFilterDto, JobSortField>,
  ) {
    return this.jobs.list(accountId, query);
  }

  @Post('accounts/:id/jobs')
  @Authenticated({ permission: Permission.JobsWrite })
  @ApiCreatedResponse({ type: JobDetailResponseDto })
  create(@Param('id', ParseIntPipe) accountId: number, @Body() dto: CreateJobDto, @CurrentUser() user: AuthenticatedUser) {
    return this.jobs.create(accountId, dto, user);
  }

  @Post('tickets/:id/jobs')
  @Authenticated({ permission: Permission.JobsWrite })
  @ApiCreatedResponse({ type: JobDetailResponseDto })
  @ApiOperation({ summary: "Create a job on the ticket's account, linked to the ticket" })
  createFromTicket(@Param('id', ParseIntPipe) ticketId: number, @Body() dto: CreateTicketJobDto, @CurrentUser() user: AuthenticatedUser) {
    return this.jobs.createFromTicket(ticketId, dto, user);
  }

  @Get('jobs/:id')
  @Authenticated({ permission: Permission.JobsRead })
  @ApiOkResponse({ type: JobDetailResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.jobs.get(id);
  }

  @Patch('jobs/:id')
  @Authenticated({ permission: Permission.JobsWrite })
  @ApiOkResponse({ type: JobDetailResponseDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateJobDto) {
    return this.jobs.update(id, dto);
  }

  @Delete('jobs/:id')
  @Authenticated({ permission: Permission.JobsWrite })
  @ApiOkResponse({ type: JobDetailResponseDto, description: 'The deleted job' })
  delete(@Param('id', ParseIntPipe) id: number) {
    return this.jobs.delete(id);
  }

  @Post('jobs/:id/schedule')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ permission: Permission.JobsWrite })
  @ApiOkResponse({ type: JobResponseDto })
  @ApiOperation({ summary: 'Schedule, reschedule or reassign the job; 409 when a technician is booked elsewhere at that time' })
  schedule(@Param('id', ParseIntPipe) id: number, @Body() dto: ScheduleJobDto) {
    return this.booking.schedule(id, dto);
  }

  @Post('jobs/:id/unschedule')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ permission: Permission.JobsWrite })
  @ApiOkResponse({ type: JobResponseDto })
  unschedule(@Param('id', ParseIntPipe) id: number) {
    return this.booking.unschedule(id);
  }

  @Post('jobs/:id/status')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ permission: Permission.JobsWrite })
  @ApiOkResponse({ type: JobResponseDto })
  @ApiOperation({ summary: 'Mark the job en route, completed, failed or cancelled' })
  changeStatus(@Param('id', ParseIntPipe) id: number, @Body() dto: ChangeJobStatusDto) {
    return this.booking.changeStatus(id, dto);
  }

  @Post('jobs/:id/links')
  @Authenticated({ permission: Permission.JobsWrite })
  @ApiCreatedResponse({ type: JobDetailResponseDto })
  link(@Param('id', ParseIntPipe) id: number, @Body() dto: CreateJobLinkDto, @CurrentUser() user: AuthenticatedUser) {
    return this.jobs.link(id, dto, user);
  }

  @Delete('jobs/:id/links/:kind/:targetId')
  @Authenticated({ permission: Permission.JobsWrite })
  // `kind` is typed string here, not JobAttachmentKind: the document names a path parameter from its
  // emitted type, which a type-only union loses when the specs compile file by file, and the panel's
  // generated types would then differ from what the running API serves. The pipe checks the value.
  @ApiOkResponse({ type: JobDetailResponseDto, description: `kind is one of ${JOB_ATTACHMENT_KINDS.join(', ')}` })
  unlink(
    @Param('id', ParseIntPipe) id: number,
    @Param('kind', ParseAttachmentKindPipe) kind: string,
    @Param('targetId', ParseIntPipe) targetId: number,
  ) {
    return this.jobs.unlink(id, kind as JobAttachmentKind, targetId);
  }
}
