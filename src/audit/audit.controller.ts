import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Permission } from '../auth/permission';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { ApiList } from '../common/api-list.decorator';
import { AuditExportService } from './audit-export.service';
import { AuditService } from './audit.service';
import { actionKindChoices } from './action-history-words';
import { ActionHistoryEntryDto, ActionKindDto } from './dto/action-history-entry.dto';
import { ACTION_HISTORY_SORTABLE, ActionHistoryFilterDto, ActionHistorySortField } from './dto/action-history-filter.dto';
import { StartAuditExportDto } from './dto/start-audit-export.dto';
import { ViewHistoryEntryDto } from './dto/view-history-entry.dto';
import { VIEW_HISTORY_SORTABLE, ViewHistoryFilterDto } from './dto/view-history-filter.dto';

const actionListPipe = new ListQueryPipe(ActionHistoryFilterDto, ACTION_HISTORY_SORTABLE, { field: 'createdAt', order: 'DESC' });

@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly exports: AuditExportService,
  ) {}

  @Get('action-history')
  @Authenticated({ permission: Permission.AuditRead })
  @ApiList(ActionHistoryFilterDto)
  @ApiOperation({ summary: 'List the action history' })
  @ApiOkResponse({ type: [ActionHistoryEntryDto], description: 'One page of recorded actions' })
  listActions(@Query(actionListPipe) query: ListQuery<ActionHistoryFilterDto, ActionHistorySortField>) {
    return this.audit.listActions(query);
  }

  @Get('action-history/kinds')
  @Authenticated({ permission: Permission.AuditRead })
  @ApiOperation({ summary: 'List the kinds of action' })
  @ApiOkResponse({ type: [ActionKindDto], description: 'Every kind of action the history records, with its label' })
  listActionKinds(): ActionKindDto[] {
    return actionKindChoices();
  }

  @Get('action-history/export.csv')
  @Authenticated({ permission: Permission.AuditExport })
  @ApiList(ActionHistoryFilterDto)
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Export the action history as CSV' })
  @ApiOkResponse({ description: 'The filtered action history', content: { 'text/csv': { schema: { type: 'string' } } } })
  async exportActions(
    @Query(actionListPipe) query: ListQuery<ActionHistoryFilterDto, ActionHistorySortField>,
    @Res() res: Response,
  ): Promise<void> {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="action-history.csv"');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    await this.audit.writeActionsCsv(query.filter, query.sort.order, res);
    res.end();
  }

  @Get('view-history')
  @Authenticated({ permission: Permission.AuditRead })
  @ApiList(ViewHistoryFilterDto)
  @ApiOperation({ summary: 'List the view history' })
  @ApiOkResponse({ type: [ViewHistoryEntryDto], description: 'One page of recorded views of records' })
  listViews(
    @Query(new ListQueryPipe(ViewHistoryFilterDto, VIEW_HISTORY_SORTABLE, { field: 'viewedAt', order: 'DESC' }))
    query: ListQuery<ViewHistoryFilterDto, 'id' | 'viewedAt'>,
  ) {
    return this.audit.listViews(query);
  }

  @Post('audit-exports')
  @HttpCode(202)
  @Authenticated({ permission: Permission.AuditExport })
  @ApiOperation({ summary: 'Start an audit export' })
  @ApiAcceptedResponse({ description: 'The export, started; poll it until it can be downloaded' })
  startExport(@CurrentUser() user: AuthenticatedUser, @Body() dto: StartAuditExportDto) {
    return this.exports.start(user, dto.filter);
  }

  @Get('audit-exports/:id')
  @Authenticated({ permission: Permission.AuditExport })
  @ApiOperation({ summary: 'Get an audit export' })
  @ApiOkResponse({ description: 'The export and how far it has got' })
  getExport(@Param('id', ParseIntPipe) id: number) {
    return this.exports.get(id);
  }

  @Get('audit-exports/:id/download')
  @Authenticated({ permission: Permission.AuditExport })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file' })
  @ApiOperation({ summary: 'Download an audit export' })
  async downloadExport(@Param('id', ParseIntPipe) id: number): Promise<StreamableFile> {
    const stream = await this.exports.openFile(id);
    return new StreamableFile(stream as NodeJS.ReadableStream & import('node:stream').Readable, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="audit-export-${id}.csv"`,
    });
  }
}
