import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import {
  DataUsageDto,
  EditUsagePeriodDto,
  TopOffResultDto,
  UsageHourDto,
  UsageHoursQueryDto,
  UsagePeriodDto,
  UsagePeriodsQueryDto,
} from './dto/usage.dto';
import { DataUsageService } from './data-usage.service';
import { TopOffsService } from './top-offs.service';
import { UsageHistoryService } from './usage-history.service';

@ApiTags('data usage')
@Controller('accounts/:id')
export class UsageController {
  constructor(
    private readonly history: UsageHistoryService,
    private readonly dataUsage: DataUsageService,
    private readonly topOffs: TopOffsService,
  ) {}

  @Get('data-usage')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiOperation({
    summary: 'The account’s data service, its usage policy, the current period against its allowance, and the top-off on offer',
  })
  @ApiOkResponse({ type: DataUsageDto })
  summary(@Param('id', ParseIntPipe) id: number) {
    return this.dataUsage.summary(id);
  }

  @Put('usage-periods/current')
  @Authenticated({ permission: Permission.BillingManage })
  @ApiOperation({ summary: 'Corrects the current period’s billable and free figures by hand (kept as a correction, audited)' })
  @ApiOkResponse({ type: UsagePeriodDto })
  editCurrent(@Param('id', ParseIntPipe) id: number, @Body() dto: EditUsagePeriodDto) {
    return this.dataUsage.editCurrent(id, dto);
  }

  @Post('usage-top-offs')
  @HttpCode(201)
  @Authenticated({ permission: Permission.BillingManage })
  @ApiOperation({ summary: 'Buys the policy’s top-off: charged at once, and the current period’s cap grows by it' })
  @ApiCreatedResponse({ type: TopOffResultDto })
  topOff(@Param('id', ParseIntPipe) id: number) {
    return this.topOffs.topOff(id);
  }

  @Get('usage-periods')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiOperation({ summary: 'The account’s usage per billing period, the current one first' })
  @ApiOkResponse({ type: [UsagePeriodDto] })
  periods(@Param('id', ParseIntPipe) id: number, @Query() query: UsagePeriodsQueryDto) {
    return this.history.periods(id, query.periods ?? 12);
  }

  @Get('usage-hours')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiOperation({ summary: 'The account’s usage hour by hour over a range, for the throughput chart' })
  @ApiOkResponse({ type: [UsageHourDto] })
  hours(@Param('id', ParseIntPipe) id: number, @Query() query: UsageHoursQueryDto) {
    return this.history.hours(id, query.from, query.to);
  }
}
