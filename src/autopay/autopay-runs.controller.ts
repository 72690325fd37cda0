import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '../common/calendar-date';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { RunStartedDto } from '../common/run-started.dto';
import { AutopayRunDetailDto, AutopayRunSummaryDto } from './dto/autopay-run.dto';
import { AutopayRunsService } from './autopay-runs.service';

class StartAutopayRunDto {
  @ApiProperty({ example: '2026-12-07', description: 'The autopay date: accounts with an invoice due for autopay by then are charged' })
  @IsCalendarDate()
  date: string;
}

class AutopayRunFilterDto {
  @IsOptional() id?: number[];
}

@ApiTags('autopay runs')
@Controller('autopay-runs')
export class AutopayRunsController {
  constructor(private readonly runs: AutopayRunsService) {}

  @Post()
  @HttpCode(202)
  @Authenticated({ permission: Permission.BillingManage })
  @ApiAcceptedResponse({ type: RunStartedDto, description: 'The run for that date, started now or found already started (started: false)' })
  @ApiOperation({ summary: 'Start an autopay run' })
  start(@Body() dto: StartAutopayRunDto) {
    return this.runs.start(dto.date);
  }

  @Get()
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: [AutopayRunSummaryDto], description: 'One page of autopay runs' })
  list(
    @Query(new ListQueryPipe(AutopayRunFilterDto, ['id'] as const, { field: 'id', order: 'DESC' })) q: ListQuery<AutopayRunFilterDto, 'id'>,
  ) {
    return this.runs.list(q.offset, q.limit);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: AutopayRunDetailDto, description: 'The autopay run and its progress' })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.runs.get(id);
  }
}
