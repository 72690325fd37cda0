import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { UsageHourDto, UsageHoursQueryDto, UsagePeriodDto, UsagePeriodsQueryDto } from './dto/usage.dto';
import { UsageHistoryService } from './usage-history.service';

@ApiTags('data usage')
@Controller('accounts/:id')
export class UsageController {
  constructor(private readonly history: UsageHistoryService) {}

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
