import { Body, Controller, Delete, Get, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { CallLogsService } from './call-logs.service';
import {
  CALL_LOG_SORTABLE,
  CallLogFilterDto,
  CallLogResponseDto,
  CallLogSortField,
  CreateCallLogDto,
  UpdateCallLogDto,
} from './dto/call-log.dto';
import { CallLogTicketRequestResponseDto, CreateCallLogTicketRequestDto } from './dto/call-log-ticket-request.dto';

@ApiTags('call logs')
@Controller()
export class CallLogsController {
  constructor(private readonly calls: CallLogsService) {}

  @Get('accounts/:id/call-logs')
  @Authenticated({ permission: Permission.CorrespondenceRead })
  @ApiList(CallLogFilterDto)
  @ApiOkResponse({ type: [CallLogResponseDto] })
  list(
    @Param('id', ParseIntPipe) accountId: number,
    @Query(new ListQueryPipe(CallLogFilterDto, CALL_LOG_SORTABLE, { field: 'calledAt', order: 'DESC' }))
    query: ListQuery<CallLogFilterDto, CallLogSortField>,
  ) {
    return this.calls.list(accountId, query);
  }

  @Post('accounts/:id/call-logs')
  @Authenticated({ permission: Permission.CorrespondenceWrite })
  @ApiCreatedResponse({ type: CallLogResponseDto })
  create(@Param('id', ParseIntPipe) accountId: number, @Body() dto: CreateCallLogDto, @CurrentUser() user: AuthenticatedUser) {
    return this.calls.create(accountId, dto, user);
  }

  @Get('call-logs/:id')
  @Authenticated({ permission: Permission.CorrespondenceRead })
  @ApiOkResponse({ type: CallLogResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.calls.get(id);
  }

  @Patch('call-logs/:id')
  @Authenticated({ permission: Permission.CorrespondenceWrite })
  @ApiOkResponse({ type: CallLogResponseDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateCallLogDto) {
    return this.calls.update(id, dto);
  }

  @Delete('call-logs/:id')
  @Authenticated({ permission: Permission.CorrespondenceWrite })
  @ApiOkResponse({ type: CallLogResponseDto, description: 'The deleted call log; its ticket requests stay' })
  delete(@Param('id', ParseIntPipe) id: number) {
    return this.calls.delete(id);
  }

  @Post('call-logs/:id/ticket-requests')
  @Authenticated({ permission: Permission.CorrespondenceWrite })
  @ApiCreatedResponse({ type: CallLogTicketRequestResponseDto })
  @ApiOperation({ summary: 'Request a ticket from a call log' })
  requestTicket(@Param('id', ParseIntPipe) id: number, @Body() dto: CreateCallLogTicketRequestDto, @CurrentUser() user: AuthenticatedUser) {
    return this.calls.requestTicket(id, dto, user);
  }
}
