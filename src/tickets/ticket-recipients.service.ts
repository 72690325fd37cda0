import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BadInputException, FieldError } from '../common/errors';
import { transactionWithRetry } from '../database/transaction';
import { isEmailAddress } from '../email/email-address';
import { ReplaceTicketRecipientsDto, TicketRecipientInputDto, TicketResponseDto } from './dto/ticket.dto';
import { mergedError, TicketLocks } from './ticket-locks';
import { TicketRows } from './ticket-rows';
import { TicketViewsService } from './ticket-views.service';

/** A contact of the ticket's account (whose address is read from it) or a bare address: exactly one of the two. */
export interface NewTicketRecipient {
  contactId?: number | null;
  address?: string | null;
}

export function recipientInput(r: TicketRecipientInputDto): { contactId?: number | null; address: string } {
  return { contactId: r.contactId ?? null, address: r.address ?? '' };
}

/** Who receives a ticket's public replies: contacts of its account or bare addresses, each address once. */
@Injectable()
export class TicketRecipientsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rows: TicketRows,
    private readonly locks: TicketLocks,
    private readonly views: TicketViewsService,
    private readonly audit: AuditService,
  ) {}

  async replaceRecipients(id: number, dto: ReplaceTicketRecipientsDto): Promise<TicketResponseDto> {
    await transactionWithRetry(this.db, async (em) => {
      const ticket = await this.locks.lockTicket(em, id);
      if (ticket.mergedIntoTicketId !== null) throw mergedError(ticket);
      const errors: FieldError[] = [];
      const recipients = await this.resolve(em, ticket.accountId, dto.recipients.map(recipientInput), errors);
      if (errors.length) throw new BadInputException(errors);
      const before = (await this.rows.recipients(em, id)).map((r) => r.address);
      await this.rows.replaceRecipients(em, id, recipients);
      await this.audit.recordAction(em, {
        action: 'ticket.recipients',
        entityType: 'ticket',
        entityId: id,
        accountId: ticket.accountId,
        before: { subject: ticket.subject, recipients: before },
        after: { subject: ticket.subject, recipients: recipients.map((r) => r.address) },
      });
    });
    return this.views.get(id);
  }

  /** Contacts become their email address; bare addresses are checked; each address is kept once. Problems go to `errors`. */
  async resolve(
    em: EntityManager,
    accountId: number | null,
    input: NewTicketRecipient[],
    errors: FieldError[],
  ): Promise<{ contactId: number | null; address: string }[]> {
    const contactIds = input.map((r) => r.contactId).filter((id): id is number => typeof id === 'number');
    const contacts =
      accountId === null ? new Map<number, { email: string | null }>() : await this.rows.contactsOf(em, accountId, contactIds);
    const out = new Map<string, { contactId: number | null; address: string }>();
    input.forEach((r, i) => {
      const field = `recipients.${i}`;
      const hasContact = typeof r.contactId === 'number';
      if (hasContact === Boolean(r.address)) {
        errors.push({ field, rule: 'oneOf', message: `${field} must give either contactId or address, not both or neither` });
        return;
      }
      if (hasContact) {
        const contact = contacts.get(r.contactId as number);
        if (!contact) {
          errors.push({
            field: `${field}.contactId`,
            rule: 'accountContact',
            message: `contact ${r.contactId} is not a contact of the ticket's account`,
          });
          return;
        }
        if (!contact.email || !isEmailAddress(contact.email.trim())) {
          errors.push({ field: `${field}.contactId`, rule: 'hasEmail', message: `contact ${r.contactId} has no usable email address` });
          return;
        }
        const address = contact.email.trim();
        out.set(address.toLowerCase(), { contactId: r.contactId as number, address });
        return;
      }
      const address = (r.address ?? '').trim();
      if (!isEmailAddress(address)) {
        errors.push({ field: `${field}.address`, rule: 'email', message: `${field}.address must be one email address` });
        return;
      }
      if (!out.has(address.toLowerCase())) out.set(address.toLowerCase(), { contactId: null, address });
    });
    return [...out.values()];
  }
}
