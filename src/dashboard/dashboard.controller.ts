import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { DashboardService } from './dashboard.service';
import { DashboardDto, NextBillRunDto } from './dto/dashboard.dto';

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: DashboardDto })
  @ApiOperation({ summary: "The billing team's figures for today" })
  get() {
    return this.dashboard.figures();
  }

  @Get('next-bill-run')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: NextBillRunDto })
  @ApiOperation({
    summary: "The next bill run's date and the accounts due on it as things stand",
    description:
      "Counted by the bill run's own query of due accounts; on its own request because it is the slowest figure on a billing day.",
  })
  nextBillRun() {
    return this.dashboard.nextBillRun();
  }
}
