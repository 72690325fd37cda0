import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { JobReminderReconciliationDto, JobSettingsResponseDto, UpdateJobSettingsDto } from './dto/job-settings.dto';
import {
  CreateJobTypeDto,
  JOB_TYPE_SORTABLE,
  JobTypeFilterDto,
  JobTypeResponseDto,
  JobTypeSortField,
  UpdateJobTypeDto,
} from './dto/job-type.dto';
import {
  CreateTechnicianDto,
  TECHNICIAN_SORTABLE,
  TechnicianFilterDto,
  TechnicianResponseDto,
  TechnicianSortField,
  UpdateTechnicianDto,
} from './dto/technician.dto';
import { JobReminderReconciliation } from './job-reminder-reconciliation';
import { JobSettingsService } from './job-settings.service';
import { JobTypesService } from './job-types.service';
import { TechniciansService } from './technicians.service';

/** The settings behind jobs: job types, technicians and the reminder lead time; and the reminders' reconciliation. */
@ApiTags('jobs')
@Controller()
export class JobSettingsController {
  constructor(
    private readonly types: JobTypesService,
    private readonly technicians: TechniciansService,
    private readonly settings: JobSettingsService,
    private readonly reminders: JobReminderReconciliation,
  ) {}

  @Get('job-types')
  @Authenticated({ permission: Permission.JobsRead })
  @ApiList(JobTypeFilterDto)
  @ApiOkResponse({ type: [JobTypeResponseDto] })
  listTypes(
    @Query(new ListQueryPipe(JobTypeFilterDto, JOB_TYPE_SORTABLE, { field: 'name', order: 'ASC' }))
    query: ListQuery<JobTypeFilterDto, JobTypeSortField>,
  ) {
    return this.types.list(query);
  }

  @Get('job-types/:id')
  @Authenticated({ permission: Permission.JobsRead })
  @ApiOkResponse({ type: JobTypeResponseDto })
  getType(@Param('id', ParseIntPipe) id: number) {
    return this.types.get(id);
  }

  @Post('job-types')
  @Authenticated({ permission: Permission.JobsConfigure })
  @ApiCreatedResponse({ type: JobTypeResponseDto })
  createType(@Body() dto: CreateJobTypeDto) {
    return this.types.create(dto);
  }

  @Patch('job-types/:id')
  @Authenticated({ permission: Permission.JobsConfigure })
  @ApiOkResponse({ type: JobTypeResponseDto })
  updateType(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateJobTypeDto) {
    return this.types.update(id, dto);
  }

  @Delete('job-types/:id')
  @Authenticated({ permission: Permission.JobsConfigure })
  @ApiOkResponse({ type: JobTypeResponseDto, description: 'The deleted job type' })
  deleteType(@Param('id', ParseIntPipe) id: number) {
    return this.types.delete(id);
  }

  @Get('technicians')
  @Authenticated({ permission: Permission.JobsRead })
  @ApiList(TechnicianFilterDto)
  @ApiOkResponse({ type: [TechnicianResponseDto] })
  listTechnicians(
    @Query(new ListQueryPipe(TechnicianFilterDto, TECHNICIAN_SORTABLE, { field: 'name', order: 'ASC' }))
    query: ListQuery<TechnicianFilterDto, TechnicianSortField>,
  ) {
    return this.technicians.list(query);
  }

  @Get('technicians/:id')
  @Authenticated({ permission: Permission.JobsRead })
  @ApiOkResponse({ type: TechnicianResponseDto })
  getTechnician(@Param('id', ParseIntPipe) id: number) {
    return this.technicians.get(id);
  }

  @Post('technicians')
  @Authenticated({ permission: Permission.JobsConfigure })
  @ApiCreatedResponse({ type: TechnicianResponseDto })
  createTechnician(@Body() dto: CreateTechnicianDto) {
    return this.technicians.create(dto);
  }

  @Patch('technicians/:id')
  @Authenticated({ permission: Permission.JobsConfigure })
  @ApiOkResponse({ type: TechnicianResponseDto })
  updateTechnician(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateTechnicianDto) {
    return this.technicians.update(id, dto);
  }

  @Delete('technicians/:id')
  @Authenticated({ permission: Permission.JobsConfigure })
  @ApiOkResponse({ type: TechnicianResponseDto, description: 'The removed technician' })
  deleteTechnician(@Param('id', ParseIntPipe) id: number) {
    return this.technicians.delete(id);
  }

  @Get('job-settings')
  @Authenticated({ permission: Permission.JobsRead })
  @ApiOkResponse({ type: JobSettingsResponseDto })
  getSettings() {
    return this.settings.get();
  }

  @Patch('job-settings')
  @Authenticated({ permission: Permission.JobsConfigure })
  @ApiOkResponse({ type: JobSettingsResponseDto })
  updateSettings(@Body() dto: UpdateJobSettingsDto) {
    return this.settings.update(dto);
  }

  @Post('jobs/reminders/reconcile')
  @Authenticated({ permission: Permission.JobsConfigure })
  @HttpCode(200)
  @ApiOkResponse({ type: JobReminderReconciliationDto })
  @ApiOperation({ summary: 'Start or re-arm the reminder of every job booked ahead whose reminder is not waiting' })
  reconcileReminders() {
    return this.reminders.reconcile();
  }
}
