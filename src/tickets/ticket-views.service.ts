import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { DataSource, EntityManager } from 'typeorm';
import { billingToday } from '../billing-config/billing-date';
import { Clock } from '../common/clock';
import { NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AccountFilesService } from '../files/account-files.service';
import { contentDisposition } from '../files/content-disposition';
import { FileStorage } from '../files/file-storage';
import { AccountTasksService } from '../notes/account-tasks.service';
import { TicketFilterDto, TicketLinkDto, TicketResponseDto, TicketRowDto, TicketSortField } from './dto/ticket.dto';
import { TicketRows } from './ticket-rows';

/** Mime types a browser would run or render as a page are handed out as bytes only. */
const RISKY_TYPES =
  /^(text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/xml|application\/javascript|text\/javascript)/i;

/** How tickets read: the queue, one ticket with its conversation, an attachment's bytes, and the summary the action history keeps. */
@Injectable()
export class TicketViewsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rows: TicketRows,
    private readonly clock: Clock,
    private readonly files: AccountFilesService,
    private readonly storage: FileStorage,
    private readonly tasks: AccountTasksService,
  ) {}

  private today(): string {
    return billingToday(this.clock, this.config.BILLING_TIME_ZONE);
  }

  async list(query: ListQuery<TicketFilterDto, TicketSortField>, accountId?: number): Promise<ListResult<TicketRowDto>> {
    if (accountId !== undefined) {
      const [account]: { id: number }[] = await this.db.query('SELECT id FROM accounts WHERE id = ?', [accountId]);
      if (!account) throw new NotFoundException('Account', accountId);
    }
    const f = query.filter;
    const { rows, total } = await this.rows.list(
      this.db.manager,
      {
        q: f.q,
        statusId: f.statusId,
        statusKind: f.statusKind,
        groupId: f.groupId,
        assigneeUserId: f.assigneeUserId,
        unassigned: f.unassigned,
        priority: f.priority,
        overdue: f.overdue,
        accountId: accountId ?? f.accountId,
        withoutAccount: accountId !== undefined ? undefined : f.withoutAccount,
        visibility: f.visibility,
        merged: f.merged,
        ids: f.id,
      },
      this.today(),
      query.sort,
      query.offset,
      query.limit,
    );
    return new ListResult('tickets', rows, total, query.offset);
  }

  async get(id: number, em: EntityManager = this.db.manager): Promise<TicketResponseDto> {
    const row = await this.rows.detailRow(em, id, this.today());
    if (!row) throw new NotFoundException('Ticket', id);
    const [parent] = row.parentTicketId ? await this.rows.refs(em, 't.id = ?', [row.parentTicketId]) : [];
    const [mergedInto] = row.mergedIntoTicketId ? await this.rows.refs(em, 't.id = ?', [row.mergedIntoTicketId]) : [];
    return {
      ...row,
      parent: parent ?? null,
      children: await this.rows.refs(em, 't.parent_ticket_id = ?', [id]),
      mergedInto: mergedInto ?? null,
      mergedFrom: await this.rows.mergedFrom(em, id),
      recipients: await this.rows.recipients(em, id),
      links: await this.labelled(em, await this.rows.links(em, id)),
      messages: await this.rows.messages(em, id),
    };
  }

  async downloadAttachment(id: number): Promise<StreamableFile> {
    const attachment = await this.rows.attachment(this.db.manager, id);
    if (!attachment) throw new NotFoundException('Attachment', id);
    const path = this.storage.pathOf(attachment.storageKey);
    try {
      await stat(path);
    } catch {
      throw new NotFoundException(`Content of attachment ${id}`, 'on disk');
    }
    const type =
      RISKY_TYPES.test(attachment.mimeType) || !/^[\w.+-]+\/[\w.+-]+$/.test(attachment.mimeType)
        ? 'application/octet-stream'
        : attachment.mimeType;
    return new StreamableFile(createReadStream(path), {
      type,
      length: attachment.sizeBytes,
      disposition: contentDisposition('attachment', attachment.name),
    });
  }

  /** What the action history keeps of a ticket: its own fields, not its conversation. */
  async summary(em: EntityManager, id: number): Promise<Record<string, unknown>> {
    const row = await this.rows.detailRow(em, id, this.today());
    if (!row) return {};
    return {
      subject: row.subject,
      accountId: row.accountId,
      statusId: row.statusId,
      statusName: row.statusName,
      priority: row.priority,
      groupId: row.groupId,
      assigneeUserId: row.assigneeUserId,
      assigneeName: row.assigneeName,
      visibility: row.visibility,
      dueDate: row.dueDate,
      parentTicketId: row.parentTicketId,
      mergedIntoTicketId: row.mergedIntoTicketId,
      source: row.source,
    };
  }

  private async labelled(em: EntityManager, links: Omit<TicketLinkDto, 'label'>[]): Promise<TicketLinkDto[]> {
    const items = await this.rows.inventoryLabels(
      em,
      links.filter((l) => l.kind === 'inventory_item').map((l) => l.targetId),
    );
    const out: TicketLinkDto[] = [];
    for (const link of links) {
      let label: string | null = null;
      if (link.kind === 'inventory_item') label = items.get(link.targetId) ?? null;
      if (link.kind === 'job') label = `Job #${link.targetId}`;
      if (link.kind === 'task')
        label = await this.tasks.get(link.targetId).then(
          (t) => t.title,
          () => null,
        );
      if (link.kind === 'file')
        label = await this.files.get(link.targetId).then(
          (f) => f.name,
          () => null,
        );
      out.push({ ...link, label });
    }
    return out;
  }
}
