import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { createReadStream, type ReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { DomainException, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { FileStorage } from '../files/file-storage';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import { InboundMessageFilterDto, InboundMessageResponseDto, InboundMessageSortField } from './dto/inbound-message.dto';
import { checkInboundMailNow } from './inbound-mail-start';
import { InboundMailErrorCode } from './inbound-mail.error-codes';
import { InboundMailRows } from './inbound-mail-rows';

/** How long a clerk's "check now" waits for Temporal before it is answered 503. */
const ANSWER_WITHIN_MS = 10_000;

/** What came in by mail, filed or not, for the people who look after the helpdesk mailbox. */
@Injectable()
export class InboundMessagesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly rows: InboundMailRows,
    private readonly storage: FileStorage,
  ) {}

  async list(query: ListQuery<InboundMessageFilterDto, InboundMessageSortField>): Promise<ListResult<InboundMessageResponseDto>> {
    const { q, status, ticketId, id } = query.filter;
    const { rows, total } = await this.rows.list(this.db.manager, { q, status, ticketId, ids: id }, query.sort, query.offset, query.limit);
    return new ListResult('inbound-messages', rows, total, query.offset);
  }

  /** The message as it came, for download; 404 when it was never read (over the size limit). */
  async openRaw(id: number): Promise<ReadStream> {
    const { found, key } = await this.rows.rawStorageKey(this.db.manager, id);
    if (!found) throw new NotFoundException('Inbound message', id);
    const path = key ? this.storage.pathOf(key) : null;
    if (
      !path ||
      !(await access(path).then(
        () => true,
        () => false,
      ))
    )
      throw new NotFoundException('Raw copy of inbound message', id);
    return createReadStream(path);
  }

  /** Wakes the mailbox's reader now instead of after its pause. */
  async checkNow(): Promise<{ mailbox: string }> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const started = await Promise.race([
        checkInboundMailNow(this.temporal, this.config),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no answer in time')), ANSWER_WITHIN_MS))),
      ]);
      if (!started)
        throw new DomainException(InboundMailErrorCode.NotConfigured, 'No helpdesk mailbox is set up, so there is no mail to check.');
      return { mailbox: started.mailbox };
    } catch (err) {
      if (err instanceof DomainException) throw err;
      throw new DomainException(
        InboundMailErrorCode.CheckUnavailable,
        `The mailbox could not be checked right now; it is still read every ${this.config.INBOUND_MAIL_POLL_SECONDS} seconds (${err instanceof Error ? err.message : String(err)})`,
      );
    } finally {
      clearTimeout(timer);
    }
  }
}
