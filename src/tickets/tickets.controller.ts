import { Body, Controller, Delete, Get, Header, Param, ParseIntPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import {
  CreateAccountTicketDto,
  CreateCallLogTicketDto,
  CreateTicketDto,
  CreateTicketLinkDto,
  CreateTicketMessageDto,
  MergeTicketDto,
  ReplaceTicketRecipientsDto,
  TICKET_SORTABLE,
  TicketFilterDto,
  TicketResponseDto,
  TicketRowDto,
  TicketSortField,
  UpdateTicketDto,
} from './dto/ticket.dto';
import { TicketCallLogsService } from './ticket-call-logs.service';
import { TicketConversationService } from './ticket-conversation.service';
import { TicketMergeService } from './ticket-merge.service';
import { TicketRecipientsService } from './ticket-recipients.service';
import { TicketViewsService } from './ticket-views.service';
import { TicketsService } from './tickets.service';

const listPipe = () => new ListQueryPipe(TicketFilterDto, TICKET_SORTABLE, { field: 'lastActivityAt', order: 'DESC' });

@ApiTags('tickets')
@Controller()
export class TicketsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly views: TicketViewsService,
    private readonly recipients: TicketRecipientsService,
    private readonly conversation: TicketConversationService,
    private readonly merges: TicketMergeService,
    private readonly callLogs: TicketCallLogsService,
  ) {}

  @Get('tickets')
  @Authenticated({ permission: Permission.TicketsRead })
  @ApiList(TicketFilterDto)
  @ApiOkResponse({ type: [TicketRowDto] })
  @ApiOperation({ summary: 'The ticket queue' })
  list(@Query(listPipe()) query: ListQuery<TicketFilterDto, TicketSortField>) {
    return this.views.list(query);
  }

  @Get('accounts/:id/tickets')
  @Authenticated({ permission: Permission.TicketsRead })
  @ApiList(TicketFilterDto)
  @ApiOkResponse({ type: [TicketRowDto] })
  @ApiOperation({ summary: "An account's tickets" })
  listForAccount(@Param('id', ParseIntPipe) accountId: number, @Query(listPipe()) query: ListQuery<TicketFilterDto, TicketSortField>) {
    return this.views.list(query, accountId);
  }

  @Post('tickets')
  @Authenticated({ permission: Permission.TicketsWrite })
  @ApiCreatedResponse({ type: TicketResponseDto })
  @ApiOperation({ summary: 'Open a ticket' })
  create(@Body() dto: CreateTicketDto, @CurrentUser() user: AuthenticatedUser) {
    return this.tickets.create(dto, user);
  }

  @Post('accounts/:id/tickets')
  @Authenticated({ permission: Permission.TicketsWrite })
  @ApiCreatedResponse({ type: TicketResponseDto })
  @ApiOperation({ summary: 'Open a ticket on an account' })
  createForAccount(
    @Param('id', ParseIntPipe) accountId: number,
    @Body() dto: CreateAccountTicketDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.tickets.createForAccount(accountId, dto, user);
  }

  @Get('tickets/:id')
  @Authenticated({ permission: Permission.TicketsRead })
  @ApiOkResponse({ type: TicketResponseDto })
  @ApiOperation({ summary: 'Get a ticket with its conversation' })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.views.get(id);
  }

  @Patch('tickets/:id')
  @Authenticated({ permission: Permission.TicketsWrite })
  @ApiOkResponse({ type: TicketResponseDto })
  @ApiOperation({ summary: 'Edit or assign a ticket' })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateTicketDto) {
    return this.tickets.update(id, dto);
  }

  @Put('tickets/:id/recipients')
  @Authenticated({ permission: Permission.TicketsWrite })
  @ApiOkResponse({ type: TicketResponseDto })
  @ApiOperation({ summary: 'Replace who receives public replies' })
  replaceRecipients(@Param('id', ParseIntPipe) id: number, @Body() dto: ReplaceTicketRecipientsDto) {
    return this.recipients.replaceRecipients(id, dto);
  }

  @Post('tickets/:id/messages')
  @Authenticated({ permission: Permission.TicketsWrite })
  @ApiCreatedResponse({ type: TicketResponseDto })
  @ApiOperation({ summary: 'Reply publicly (emailed to the recipients) or comment internally' })
  postMessage(@Param('id', ParseIntPipe) id: number, @Body() dto: CreateTicketMessageDto, @CurrentUser() user: AuthenticatedUser) {
    return this.conversation.postMessage(id, dto, user);
  }

  @Post('tickets/:id/merge')
  @Authenticated({ permission: Permission.TicketsWrite })
  @ApiOkResponse({ type: TicketResponseDto, description: 'The surviving ticket' })
  @ApiOperation({ summary: 'Merge this ticket into another' })
  merge(@Param('id', ParseIntPipe) id: number, @Body() dto: MergeTicketDto, @Res({ passthrough: true }) res: Response) {
    res.status(200);
    return this.merges.merge(id, dto);
  }

  @Post('tickets/:id/links')
  @Authenticated({ permission: Permission.TicketsWrite })
  @ApiCreatedResponse({ type: TicketResponseDto })
  @ApiOperation({ summary: 'Link a task, file or inventory item of the account' })
  addLink(@Param('id', ParseIntPipe) id: number, @Body() dto: CreateTicketLinkDto, @CurrentUser() user: AuthenticatedUser) {
    return this.tickets.addLink(id, dto, user);
  }

  @Delete('tickets/:id/links/:linkId')
  @Authenticated({ permission: Permission.TicketsWrite })
  @ApiOkResponse({ type: TicketResponseDto })
  @ApiOperation({ summary: 'Remove a link from a ticket' })
  removeLink(@Param('id', ParseIntPipe) id: number, @Param('linkId', ParseIntPipe) linkId: number) {
    return this.tickets.removeLink(id, linkId);
  }

  @Get('ticket-attachments/:id')
  @Authenticated({ permission: Permission.TicketsRead })
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, no-cache')
  @Header('Content-Security-Policy', "default-src 'none'; sandbox")
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The bytes, as an attachment' })
  @ApiOperation({ summary: "Download a ticket message's attachment" })
  downloadAttachment(@Param('id', ParseIntPipe) id: number) {
    return this.views.downloadAttachment(id);
  }

  @Post('call-logs/:id/tickets')
  @Authenticated({ permission: Permission.TicketsWrite })
  @ApiCreatedResponse({ type: TicketResponseDto })
  @ApiOperation({ summary: 'Open a ticket from a call log' })
  fromCallLog(@Param('id', ParseIntPipe) id: number, @Body() dto: CreateCallLogTicketDto, @CurrentUser() user: AuthenticatedUser) {
    return this.callLogs.fromCallLog(id, dto, user);
  }

  @Post('call-log-ticket-requests/:id/ticket')
  @Authenticated({ permission: Permission.TicketsWrite })
  @ApiCreatedResponse({ type: TicketResponseDto, description: 'The new ticket' })
  @ApiOkResponse({ type: TicketResponseDto, description: 'The ticket the request became earlier' })
  @ApiOperation({ summary: "Turn a call log's ticket request into its ticket (once)" })
  async convertTicketRequest(
    @Param('id', ParseIntPipe) id: number,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { created, ticket } = await this.callLogs.convertTicketRequest(id, user);
    res.status(created ? 201 : 200);
    return ticket;
  }
}
