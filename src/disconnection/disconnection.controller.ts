import { Body, Controller, Get, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Permission } from '../auth/permission';
import { ErrorResponseDto } from '../common/error-response.dto';
import { DisconnectStatusService } from './disconnect-status.service';
import { DisconnectionService } from './disconnection.service';
import { DisconnectAccountDto } from './dto/disconnect-account.dto';
import { DisconnectionSettingsDto, UpdateDisconnectionSettingsDto } from './dto/disconnection-settings.dto';
import { DisconnectionResponseDto } from './dto/disconnection.dto';

@ApiTags('disconnections')
@Controller()
export class DisconnectionController {
  constructor(
    private readonly disconnections: DisconnectionService,
    private readonly statuses: DisconnectStatusService,
  ) {}

  @Post('accounts/:id/disconnect')
  @Authenticated({ permission: Permission.AccountsDisconnect })
  @ApiCreatedResponse({ type: DisconnectionResponseDto, description: 'The disconnection log entry' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already disconnected, or no default disconnect status' })
  @ApiOperation({ summary: 'Disconnect an account' })
  disconnect(@Param('id', ParseIntPipe) id: number, @Body() dto: DisconnectAccountDto, @CurrentUser() user: AuthenticatedUser) {
    return this.disconnections.disconnect(id, dto, user);
  }

  @Get('accounts/:id/disconnections')
  @Authenticated({ permission: Permission.AccountsRead })
  @ApiOkResponse({ type: [DisconnectionResponseDto], description: 'Newest first' })
  list(@Param('id', ParseIntPipe) id: number) {
    return this.disconnections.list(id);
  }

  @Get('disconnection-settings')
  @Authenticated({ permission: Permission.AccountsRead })
  @ApiOkResponse({ type: DisconnectionSettingsDto })
  @ApiOperation({ summary: 'Get the disconnection settings' })
  settings() {
    return this.statuses.settings();
  }

  @Put('disconnection-settings')
  @Authenticated({ permission: Permission.AccountsConfigure })
  @ApiOkResponse({ type: DisconnectionSettingsDto })
  @ApiOperation({ summary: 'Update the disconnection settings' })
  updateSettings(@Body() dto: UpdateDisconnectionSettingsDto) {
    return this.statuses.setDefault(dto);
  }
}
