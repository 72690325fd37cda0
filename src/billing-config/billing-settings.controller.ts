import { Body, Controller, Get, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { BillingSettingsService } from './billing-settings.service';
import {
  AccountBillingConfigDto,
  AccountTypeBillingDefaultsDto,
  SystemBillingSettingsDto,
  UpdateBillingSettingsDto,
} from './dto/billing-settings.dto';

@ApiTags('billing configuration')
@Controller()
export class BillingSettingsController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly settings: BillingSettingsService,
  ) {}

  @Get('billing-settings')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: SystemBillingSettingsDto })
  @ApiOperation({ summary: 'Get the system billing settings' })
  getSystem() {
    return this.settings.getSystem();
  }

  @Put('billing-settings')
  @Authenticated({ permission: Permission.BillingConfigure })
  @ApiOkResponse({ type: SystemBillingSettingsDto })
  @ApiOperation({ summary: 'Update the system billing settings' })
  updateSystem(@Body() dto: UpdateBillingSettingsDto) {
    return this.settings.updateSystem(dto);
  }

  @Get('account-types/:id/billing-defaults')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: AccountTypeBillingDefaultsDto })
  @ApiOperation({ summary: "Get an account type's billing defaults" })
  getAccountType(@Param('id', ParseIntPipe) id: number) {
    return this.settings.explainAccountType(this.db.manager, id);
  }

  @Put('account-types/:id/billing-defaults')
  @Authenticated({ permission: Permission.BillingConfigure })
  @ApiOkResponse({ type: AccountTypeBillingDefaultsDto })
  @ApiOperation({ summary: "Update an account type's billing defaults" })
  updateAccountType(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateBillingSettingsDto) {
    return this.settings.updateAccountType(id, dto);
  }

  @Get('accounts/:id/billing-config')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: AccountBillingConfigDto })
  @ApiOperation({ summary: "Get an account's billing configuration" })
  getAccount(@Param('id', ParseIntPipe) id: number) {
    return this.settings.explainAccount(this.db.manager, id);
  }

  @Put('accounts/:id/billing-config')
  @Authenticated({ permission: Permission.BillingManage })
  @ApiOkResponse({ type: AccountBillingConfigDto })
  @ApiOperation({ summary: "Update an account's billing configuration" })
  updateAccount(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateBillingSettingsDto) {
    return this.settings.updateAccount(id, dto);
  }
}
