import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsPositive, Max, Min } from 'class-validator';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { BillRunsService } from './bill-runs.service';
import { ParkedInvoicesService } from './parked-invoices.service';
import { IsCalendarDate } from '../common/calendar-date';
import { RunStartedDto } from '../common/run-started.dto';
import { BillRunDetailDto, BillRunSummaryDto } from './dto/bill-run.dto';
import { InvoicePreviewDto } from './dto/invoice-preview.dto';

class StartBillRunDto {
  @ApiProperty({ example: '2026-12-01', description: 'The billing date: accounts whose service period starts that day are invoiced' })
  @IsCalendarDate()
  date: string;
}

class StartBillRunWithBoundsDto extends StartBillRunDto {
  @ApiProperty({
    required: false,
    example: 500,
    description: "Park an account whose invoice exceeds this percentage of its usual one; the instance's setting when left out",
  })
  @IsOptional()
  @IsInt()
  @Min(101)
  @Max(100_000)
  spikePercent?: number;
}

class PreviewBillRunDto extends StartBillRunDto {
  @ApiProperty({ type: [Number], required: false, description: 'The accounts to preview; the first 200 due accounts when left out' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsInt({ each: true })
  @IsPositive({ each: true })
  accountIds?: number[];
}

class BillRunFilterDto {
  @IsOptional() id?: number[];
}

@ApiTags('bill runs')
@Controller('bill-runs')
export class BillRunsController {
  constructor(
    private readonly runs: BillRunsService,
    private readonly parked: ParkedInvoicesService,
  ) {}

  @Post()
  @HttpCode(202)
  @Authenticated({ permission: Permission.BillingManage })
  @ApiAcceptedResponse({ type: RunStartedDto, description: 'The run for that date, started now or found already started (started: false)' })
  @ApiOperation({ summary: 'Start a bill run' })
  start(@Body() dto: StartBillRunWithBoundsDto) {
    return this.runs.start(dto.date, { spikePercent: dto.spikePercent });
  }

  @Post('preview')
  @HttpCode(200)
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: [InvoicePreviewDto], description: 'What the run would invoice for each account; nothing is written' })
  @ApiOperation({ summary: 'Preview a bill run' })
  preview(@Body() dto: PreviewBillRunDto) {
    return this.runs.preview(dto.date, dto.accountIds);
  }

  @Get()
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: [BillRunSummaryDto], description: 'One page of bill runs' })
  list(@Query(new ListQueryPipe(BillRunFilterDto, ['id'] as const, { field: 'id', order: 'DESC' })) q: ListQuery<BillRunFilterDto, 'id'>) {
    return this.runs.list(q.offset, q.limit);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: BillRunDetailDto, description: 'The bill run and its progress' })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.runs.get(id);
  }

  @Post(':id/parked/:accountId/release')
  @HttpCode(200)
  @Authenticated({ permission: Permission.BillingManage })
  @ApiOkResponse({ description: 'The parked account invoiced as computed, without the safety bounds' })
  @ApiOperation({ summary: 'Release an account a bill run parked' })
  release(@Param('id', ParseIntPipe) id: number, @Param('accountId', ParseIntPipe) accountId: number) {
    return this.parked.release(id, accountId);
  }

  @Post(':id/parked/:accountId/dismiss')
  @HttpCode(200)
  @Authenticated({ permission: Permission.BillingManage })
  @ApiOkResponse({ description: 'The parked account left uninvoiced for the run date' })
  @ApiOperation({ summary: 'Dismiss an account a bill run parked' })
  dismiss(@Param('id', ParseIntPipe) id: number, @Param('accountId', ParseIntPipe) accountId: number) {
    return this.parked.dismiss(id, accountId);
  }
}
