import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { AccountingPeriodService } from './accounting-period.service';
import { AccountingPeriodDto, UpdateAccountingPeriodDto } from './dto/accounting-period.dto';

@ApiTags('billing configuration')
@Controller('accounting-period')
export class AccountingPeriodController {
  constructor(private readonly period: AccountingPeriodService) {}

  @Get()
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: AccountingPeriodDto })
  get() {
    return this.period.get();
  }

  @Put()
  @Authenticated({ permission: Permission.BillingConfigure })
  @ApiOkResponse({ type: AccountingPeriodDto })
  update(@Body() dto: UpdateAccountingPeriodDto) {
    return this.period.update(dto);
  }
}
