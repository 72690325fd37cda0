import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsPositive, IsString } from 'class-validator';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { RunStartedDto } from '../common/run-started.dto';
import { NightlyRunRecordsService } from './nightly-run-records.service';
import { NightlyRunsService } from './nightly-runs.service';
import { DelinquencyPreviewResultDto } from './dto/delinquency-preview-result.dto';
import { NightlyRunDto } from './dto/nightly-run.dto';

class NightlyDateDto {
  // Checked as a calendar day inside the date window by the service, which names the rule that failed.
  @ApiProperty({ example: '2026-12-01', description: 'The day to run for, as YYYY-MM-DD' })
  @IsString()
  date: string;
}

class DelinquencyPreviewDto extends NightlyDateDto {
  @ApiProperty({
    type: [Number],
    required: false,
    description: 'The accounts to preview; the first 500 with overdue invoices when left out',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsInt({ each: true })
  @IsPositive({ each: true })
  accountIds?: number[];
}

class NightlyRunFilterDto {
  @IsOptional() id?: number[];
}

@ApiTags('nightly runs')
@Controller()
export class NightlyRunsController {
  constructor(
    private readonly runs: NightlyRunsService,
    private readonly records: NightlyRunRecordsService,
  ) {}

  @Get('nightly-runs')
  @Authenticated({ permission: Permission.NightlyRead })
  @ApiOkResponse({ type: [NightlyRunDto], description: 'One page of nightly runs' })
  list(
    @Query(new ListQueryPipe(NightlyRunFilterDto, ['id'] as const, { field: 'id', order: 'DESC' })) q: ListQuery<NightlyRunFilterDto, 'id'>,
  ) {
    return this.records.list(q.offset, q.limit);
  }

  @Post('nightly-runs')
  @HttpCode(202)
  @Authenticated({ permission: Permission.NightlyRun })
  @ApiAcceptedResponse({
    type: RunStartedDto,
    description:
      'The night of that date (missed nights first, then bill run, delinquency and period close), started now or found already started or done (started: false)',
  })
  @ApiOperation({ summary: 'Start the nightly run' })
  startNightly(@Body() dto: NightlyDateDto) {
    return this.runs.start('nightly', dto.date);
  }

  @Post('delinquency-runs')
  @HttpCode(202)
  @Authenticated({ permission: Permission.NightlyRun })
  @ApiAcceptedResponse({
    type: RunStartedDto,
    description: 'Delinquency alone for that date, started now or found already started or done (started: false)',
  })
  @ApiOperation({ summary: 'Start a delinquency run' })
  startDelinquency(@Body() dto: NightlyDateDto) {
    return this.runs.start('delinquency', dto.date);
  }

  @Post('delinquency-runs/preview')
  @HttpCode(200)
  @Authenticated({ permission: Permission.NightlyRead })
  @ApiOkResponse({
    type: DelinquencyPreviewResultDto,
    description: 'The invoices that would turn delinquent with their late fees, and the status changes; nothing is written',
  })
  @ApiOperation({ summary: 'Preview a delinquency run' })
  previewDelinquency(@Body() dto: DelinquencyPreviewDto) {
    return this.runs.previewDelinquency(dto.date, dto.accountIds);
  }
}
