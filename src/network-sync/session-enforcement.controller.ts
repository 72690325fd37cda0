import { Body, Controller, Get, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { AccountSessionEnforcementService } from './account-session-enforcement.service';
import { AccountSessionEnforcementDto } from './dto/session-enforcement.dto';
import { SessionEnforcementSettingsDto, UpdateSessionEnforcementSettingsDto } from './dto/session-enforcement-settings.dto';
import { SessionEnforcementSettingsService } from './session-enforcement-settings.service';

@ApiTags('network')
@Controller()
export class SessionEnforcementController {
  constructor(
    private readonly settings: SessionEnforcementSettingsService,
    private readonly accounts: AccountSessionEnforcementService,
  ) {}

  @Get('session-enforcement-settings')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiOperation({ summary: 'The speed a delinquent account’s live sessions are limited to' })
  @ApiOkResponse({ type: SessionEnforcementSettingsDto })
  getSettings() {
    return this.settings.get();
  }

  @Put('session-enforcement-settings')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiOperation({ summary: 'Change the speed delinquent accounts are limited to; the accounts limited now get it at once' })
  @ApiOkResponse({ type: SessionEnforcementSettingsDto })
  updateSettings(@Body() dto: UpdateSessionEnforcementSettingsDto) {
    return this.settings.update(dto);
  }

  @Get('accounts/:id/session-enforcement')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiOperation({
    summary: 'The limit on the account’s live sessions, and the CoA and Disconnect requests sent to their NAS with the answers',
  })
  @ApiOkResponse({ type: AccountSessionEnforcementDto })
  ofAccount(@Param('id', ParseIntPipe) accountId: number) {
    return this.accounts.of(accountId);
  }
}
