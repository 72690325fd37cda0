import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { BadInputException, FieldError, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import {
  MergeFieldDto,
  MessageTemplateFilterDto,
  MessageTemplateResponseDto,
  MessageTemplateSortField,
  PreviewMessageTemplateDto,
  RenderedMessageDto,
  UpdateMessageTemplateDto,
} from './dto/message-template.dto';
import { MERGE_FIELDS, MergeValues, renderTemplate, templateErrors } from './merge-fields';
import { MergeValuesService } from './merge-values.service';
import { MessageRecipientsService } from './message-recipients.service';
import { transactionWithRetry } from '../database/transaction';

const COLUMNS = `t.template_key AS \`key\`, t.name, t.category_id AS categoryId, c.name AS categoryName, t.subject, t.body_text AS bodyText,
  t.updated_by AS updatedBy, u.name AS updatedByName, t.created_at AS createdAt, t.updated_at AS updatedAt`;
const FROM = `message_templates t JOIN message_categories c ON c.id = t.category_id LEFT JOIN staff_users u ON u.id = t.updated_by`;
const SORT_COLUMNS: Record<MessageTemplateSortField, string> = { key: 't.template_key', name: 't.name' };

function toResponse(r: Record<string, unknown>): MessageTemplateResponseDto {
  return {
    id: r.key as string,
    key: r.key as string,
    name: r.name as string,
    categoryId: Number(r.categoryId),
    categoryName: r.categoryName as string,
    subject: r.subject as string,
    bodyText: r.bodyText as string,
    updatedBy: r.updatedBy === null ? null : Number(r.updatedBy),
    updatedByName: (r.updatedByName as string | null) ?? null,
    createdAt: r.createdAt as Date,
    updatedAt: r.updatedAt as Date,
  };
}

/**
 * The message templates: reading and rewording them (only ever with fields the
 * renderer knows, so a saved template always renders), and rendering them for an
 * account, an invoice or a payment.
 */
@Injectable()
export class MessageTemplatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly mergeValues: MergeValuesService,
    private readonly recipients: MessageRecipientsService,
  ) {}

  mergeFields(): MergeFieldDto[] {
    return Object.entries(MERGE_FIELDS).map(([field, description]) => ({ field, placeholder: `{{${field}}}`, description }));
  }

  async list(query: ListQuery<MessageTemplateFilterDto, MessageTemplateSortField>): Promise<ListResult<MessageTemplateResponseDto>> {
    const where = query.filter.id?.length ? 'WHERE t.template_key IN (?)' : '';
    const params = query.filter.id?.length ? [query.filter.id] : [];
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${COLUMNS} FROM ${FROM} ${where} ORDER BY ${SORT_COLUMNS[query.sort.field]} ${query.sort.order}, t.id LIMIT ? OFFSET ?`,
      [...params, query.limit, query.offset],
    );
    const [count]: { n: number }[] = await this.db.query(`SELECT COUNT(*) AS n FROM message_templates t ${where}`, params);
    return new ListResult('message-templates', rows.map(toResponse), Number(count.n), query.offset);
  }

  async get(key: string, em: EntityManager = this.db.manager, lock = false): Promise<MessageTemplateResponseDto> {
    const [row]: Record<string, unknown>[] = await em.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE t.template_key = ?${lock ? ' FOR UPDATE' : ''}`,
      [key],
    );
    if (!row) throw new NotFoundException('Message template', key);
    return toResponse(row);
  }

  async update(user: AuthenticatedUser, key: string, dto: UpdateMessageTemplateDto): Promise<MessageTemplateResponseDto> {
    const errors: FieldError[] = [
      ...(dto.subject !== undefined ? templateErrors('subject', dto.subject) : []),
      ...(dto.bodyText !== undefined ? templateErrors('bodyText', dto.bodyText) : []),
    ];
    if (errors.length) throw new BadInputException(errors, 'The template uses merge fields that cannot be filled in');
    return transactionWithRetry(this.db, async (em) => {
      const before = await this.get(key, em, true);
      if (dto.categoryId !== undefined) {
        const [category] = await em.query('SELECT id FROM message_categories WHERE id = ?', [dto.categoryId]);
        if (!category) {
          throw new BadInputException([
            { field: 'categoryId', rule: 'exists', message: `message category ${dto.categoryId} does not exist` },
          ]);
        }
      }
      const changes: [string, unknown][] = [
        ['name', dto.name],
        ['category_id', dto.categoryId],
        ['subject', dto.subject],
        ['body_text', dto.bodyText],
      ].filter(([, value]) => value !== undefined) as [string, unknown][];
      if (!changes.length) return before;
      await em.query(`UPDATE message_templates SET ${changes.map(([c]) => `${c} = ?`).join(', ')}, updated_by = ? WHERE template_key = ?`, [
        ...changes.map(([, v]) => v),
        user.id,
        key,
      ]);
      const after = await this.get(key, em);
      await this.audit.recordAction(em, {
        action: 'update',
        entityType: 'message_template',
        entityId: key,
        before: auditState(before),
        after: auditState(after),
      });
      return after;
    });
  }

  /** The template (or the draft sent with the request) filled in for the account, as its first recipient would get it. */
  async preview(key: string, dto: PreviewMessageTemplateDto): Promise<RenderedMessageDto> {
    const errors: FieldError[] = [
      ...(dto.subject !== undefined ? templateErrors('subject', dto.subject) : []),
      ...(dto.bodyText !== undefined ? templateErrors('bodyText', dto.bodyText) : []),
    ];
    if (errors.length) throw new BadInputException(errors, 'The template uses merge fields that cannot be filled in');
    const em = this.db.manager;
    const template = await this.get(key, em);
    const values = await this.mergeValues.values(em, { accountId: dto.accountId, invoiceId: dto.invoiceId, paymentId: dto.paymentId });
    const [first] = await this.recipients.recipients(em, dto.accountId, template.categoryId, { automatic: false });
    const contactName = first?.name ?? (await this.primaryContactName(em, dto.accountId));
    return this.render(
      { subject: dto.subject ?? template.subject, bodyText: dto.bodyText ?? template.bodyText },
      {
        ...values,
        'contact.name': contactName,
      },
    );
  }

  render(template: Pick<MessageTemplateResponseDto, 'subject' | 'bodyText'>, values: MergeValues): RenderedMessageDto {
    // A subject is one line; a merge value with a line break must not start a header of its own.
    const subject = renderTemplate(template.subject, values)
      .replace(/[\r\n]+/g, ' ')
      .trim();
    return { subject: subject.slice(0, 255), text: renderTemplate(template.bodyText, values) };
  }

  private async primaryContactName(em: EntityManager, accountId: number): Promise<string> {
    const [c]: { name: string }[] = await em.query('SELECT name FROM contacts WHERE account_id = ? ORDER BY is_primary DESC, id LIMIT 1', [
      accountId,
    ]);
    return c?.name ?? '';
  }
}

function auditState(t: MessageTemplateResponseDto): Record<string, unknown> {
  const { key, name, categoryId, subject, bodyText } = t;
  return { key, name, categoryId, subject, bodyText };
}
