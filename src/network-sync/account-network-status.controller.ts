import { Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { AccountNetworkStatusService } from './account-network-status.service';
import { AccountNetworkStatusDto } from './dto/account-network-status.dto';

@ApiTags('network')
@Controller('accounts/:id')
export class AccountNetworkStatusController {
  constructor(private readonly status: AccountNetworkStatusService) {}

  @Get('network-status')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiOperation({ summary: 'Whether the network servers are in step with the account: pending changes, the last applied, the run now' })
  @ApiOkResponse({ type: AccountNetworkStatusDto })
  get(@Param('id', ParseIntPipe) accountId: number) {
    return this.status.of(accountId);
  }

  @Post('network-sync')
  @HttpCode(202)
  @Authenticated({ permission: Permission.NetworkManage })
  @ApiOperation({ summary: 'Write the account’s whole network state to the servers now, with whatever is pending' })
  @ApiAcceptedResponse({ type: AccountNetworkStatusDto })
  syncNow(@Param('id', ParseIntPipe) accountId: number) {
    return this.status.syncNow(accountId);
  }
}
