import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import {
  ACCOUNT_DID_SORTABLE,
  AccountDidFilterDto,
  AccountDidSortField,
  AssignDidDto,
  DidHoldingResponseDto,
  VoiceServiceResponseDto,
} from './dto/did.dto';
import { AccountCallFilterDto, CALL_SORTABLE, CallSortField, VoiceCallResponseDto, VoiceCallTotalsDto } from './dto/voice-call.dto';
import { VoiceCallsService } from './voice-calls.service';
import { VoiceServicesService } from './voice-services.service';

const callsPipe = new ListQueryPipe(AccountCallFilterDto, CALL_SORTABLE, { field: 'startedAt', order: 'DESC' });

/** An account's voice: its voice services and the numbers they hold, and its calls. */
@ApiTags('voice')
@Controller('accounts/:id')
export class AccountVoiceController {
  constructor(
    private readonly services: VoiceServicesService,
    private readonly calls: VoiceCallsService,
  ) {}

  @Get('voice-services')
  @Authenticated({ permission: Permission.VoiceRead })
  @ApiOkResponse({ type: [VoiceServiceResponseDto] })
  @ApiOperation({ summary: "The account's services of a voice catalogue service, each with the numbers it holds now" })
  voiceServices(@Param('id', ParseIntPipe) accountId: number) {
    return this.services.voiceServices(accountId);
  }

  @Post('voice-services/:accountServiceId/dids')
  @Authenticated({ permission: Permission.VoiceManage })
  @ApiCreatedResponse({ type: DidHoldingResponseDto })
  @ApiOperation({ summary: 'Give an available number to one of the account’s voice services' })
  assign(
    @Param('id', ParseIntPipe) accountId: number,
    @Param('accountServiceId', ParseIntPipe) accountServiceId: number,
    @Body() dto: AssignDidDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.services.assign(accountId, accountServiceId, dto, user);
  }

  @Delete('voice-services/:accountServiceId/dids/:didId')
  @Authenticated({ permission: Permission.VoiceManage })
  @ApiOkResponse({ type: DidHoldingResponseDto, description: 'The holding, now ended' })
  @ApiOperation({ summary: 'Take a number back from the voice service; it is available again' })
  release(
    @Param('id', ParseIntPipe) accountId: number,
    @Param('accountServiceId', ParseIntPipe) accountServiceId: number,
    @Param('didId', ParseIntPipe) didId: number,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.services.release(accountId, accountServiceId, didId, user);
  }

  @Get('dids')
  @Authenticated({ permission: Permission.VoiceRead })
  @ApiList(AccountDidFilterDto)
  @ApiOkResponse({ type: [DidHoldingResponseDto] })
  @ApiOperation({ summary: 'Every number the account holds or has held, with when' })
  dids(
    @Param('id', ParseIntPipe) accountId: number,
    @Query(new ListQueryPipe(AccountDidFilterDto, ACCOUNT_DID_SORTABLE, { field: 'assignedAt', order: 'DESC' }))
    query: ListQuery<AccountDidFilterDto, AccountDidSortField>,
  ) {
    return this.services.holdings(accountId, query);
  }

  @Get('voice-calls')
  @Authenticated({ permission: Permission.VoiceRead })
  @ApiList(AccountCallFilterDto)
  @ApiOkResponse({ type: [VoiceCallResponseDto] })
  @ApiOperation({ summary: "The account's calls, as imported from the switch's files" })
  voiceCalls(@Param('id', ParseIntPipe) accountId: number, @Query(callsPipe) query: ListQuery<AccountCallFilterDto, CallSortField>) {
    return this.calls.list(accountId, query);
  }

  @Get('voice-calls/totals')
  @Authenticated({ permission: Permission.VoiceRead })
  @ApiList(AccountCallFilterDto)
  @ApiOkResponse({ type: VoiceCallTotalsDto })
  @ApiOperation({ summary: 'Calls, talk and billed time of the calls the filter matches (sort and range are ignored)' })
  voiceCallTotals(@Param('id', ParseIntPipe) accountId: number, @Query(callsPipe) query: ListQuery<AccountCallFilterDto, CallSortField>) {
    return this.calls.totals(accountId, query.filter);
  }

  @Get('voice-calls/export.csv')
  @Authenticated({ permission: Permission.VoiceRead })
  @ApiList(AccountCallFilterDto)
  @ApiProduces('text/csv')
  @ApiOperation({ summary: "Export the account's calls the filter matches as CSV, in the list's order (range is ignored)" })
  @ApiOkResponse({ description: 'The filtered calls', content: { 'text/csv': { schema: { type: 'string' } } } })
  async exportCsv(
    @Param('id', ParseIntPipe) accountId: number,
    @Query(callsPipe) query: ListQuery<AccountCallFilterDto, CallSortField>,
    @Res() res: Response,
  ): Promise<void> {
    // Asked before the first byte, so a missing account is still a 404 rather than a CSV cut short.
    await this.calls.assertAccount(accountId);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="account-${accountId}-calls.csv"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    await this.calls.writeCsv(accountId, query, res);
    res.end();
  }
}
