import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { BadInputException, ConflictException, FieldError, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { isDuplicateKey } from '../database/duplicate-key';
import { transactionWithRetry } from '../database/transaction';
import { sanitiseContractHtml } from './contract-html';
import { CONTRACT_MERGE_FIELDS, contractTemplateErrors, renderContractHtml } from './contract-merge-fields';
import { ContractValuesService } from './contract-values.service';
import { ContractsErrorCode } from './contracts.error-codes';
import {
  ContractMergeFieldDto,
  ContractPreviewDto,
  ContractTemplateFilterDto,
  ContractTemplateResponseDto,
  ContractTemplateSortField,
  CreateContractTemplateDto,
  PreviewContractTemplateDto,
  UpdateContractTemplateDto,
} from './dto/contract-template.dto';

const ENTITY_TYPE = 'contract_template';
const COLUMNS = `t.id, t.name, t.body_html, t.term_months, t.enabled, t.message_category_id, t.created_at, t.updated_at,
  (SELECT COUNT(*) FROM contracts c WHERE c.template_id = t.id) AS contract_count`;
const SORT_COLUMNS: Record<ContractTemplateSortField, string> = { name: 't.name', createdAt: 't.created_at', updatedAt: 't.updated_at' };

function toResponse(r: Record<string, unknown>): ContractTemplateResponseDto {
  return {
    id: Number(r.id),
    name: r.name as string,
    bodyHtml: r.body_html as string,
    termMonths: r.term_months === null ? null : Number(r.term_months),
    enabled: Boolean(Number(r.enabled)),
    messageCategoryId: r.message_category_id === null ? null : Number(r.message_category_id),
    contractCount: Number(r.contract_count),
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
  };
}

/** The audit payload: the template without its body, which can run to pages. */
const auditState = (t: ContractTemplateResponseDto) => ({
  name: t.name,
  termMonths: t.termMonths,
  enabled: t.enabled,
  messageCategoryId: t.messageCategoryId,
  bodyLength: t.bodyHtml.length,
});

/**
 * Contract templates: HTML with merge fields, checked and sanitised when saved, so a saved
 * template always renders and never carries anything that runs. A template that contracts were
 * written from stays as long as they do: it can be disabled, not deleted.
 */
@Injectable()
export class ContractTemplatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly values: ContractValuesService,
  ) {}

  mergeFields(): ContractMergeFieldDto[] {
    return Object.entries(CONTRACT_MERGE_FIELDS).map(([field, description]) => ({ field, placeholder: `{{${field}}}`, description }));
  }

  async list(query: ListQuery<ContractTemplateFilterDto, ContractTemplateSortField>): Promise<ListResult<ContractTemplateResponseDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const { enabled, q, id } = query.filter;
    if (enabled !== undefined) {
      where.push('t.enabled = ?');
      params.push(enabled ? 1 : 0);
    }
    if (q) {
      where.push("t.name LIKE CONCAT('%', ?, '%')");
      params.push(q.replace(/[\\%_]/g, (c) => `\\${c}`));
    }
    if (id?.length) {
      where.push('t.id IN (?)');
      params.push(id);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${COLUMNS} FROM contract_templates t ${clause}
        ORDER BY ${SORT_COLUMNS[query.sort.field]} ${query.sort.order}, t.id ${query.sort.order} LIMIT ? OFFSET ?`,
      [...params, query.limit, query.offset],
    );
    const [count]: { n: number }[] = await this.db.query(`SELECT COUNT(*) AS n FROM contract_templates t ${clause}`, params);
    return new ListResult('contract-templates', rows.map(toResponse), Number(count.n), query.offset);
  }

  async get(id: number, em: EntityManager = this.db.manager, lock = false): Promise<ContractTemplateResponseDto> {
    const [row]: Record<string, unknown>[] = await em.query(
      `SELECT ${COLUMNS} FROM contract_templates t WHERE t.id = ?${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    if (!row) throw new NotFoundException('Contract template', id);
    return toResponse(row);
  }

  async create(user: AuthenticatedUser, dto: CreateContractTemplateDto): Promise<ContractTemplateResponseDto> {
    const bodyHtml = this.checkedBody(dto.bodyHtml);
    return transactionWithRetry(this.db, async (em) => {
      await this.assertCategory(em, dto.messageCategoryId ?? null);
      let insert: { insertId: number };
      try {
        insert = await em.query(
          `INSERT INTO contract_templates (name, body_html, term_months, enabled, message_category_id, created_by_user_id)
           VALUES (?, ?, ?, ?, ?, ?)`,
          [dto.name, bodyHtml, dto.termMonths ?? null, dto.enabled === false ? 0 : 1, dto.messageCategoryId ?? null, user.id],
        );
      } catch (err) {
        throw this.nameTaken(err, dto.name);
      }
      const after = await this.get(Number(insert.insertId), em);
      await this.audit.recordAction(em, { action: 'create', entityType: ENTITY_TYPE, entityId: after.id, after: auditState(after) });
      return after;
    });
  }

  async update(id: number, dto: UpdateContractTemplateDto): Promise<ContractTemplateResponseDto> {
    const bodyHtml = dto.bodyHtml === undefined ? undefined : this.checkedBody(dto.bodyHtml);
    return transactionWithRetry(this.db, async (em) => {
      const before = await this.get(id, em, true);
      if (dto.messageCategoryId !== undefined) await this.assertCategory(em, dto.messageCategoryId);
      const sets: string[] = [];
      const params: unknown[] = [];
      const set = (column: string, value: unknown) => (sets.push(`${column} = ?`), params.push(value));
      if (dto.name !== undefined) set('name', dto.name);
      if (bodyHtml !== undefined) set('body_html', bodyHtml);
      if (dto.termMonths !== undefined) set('term_months', dto.termMonths);
      if (dto.enabled !== undefined) set('enabled', dto.enabled ? 1 : 0);
      if (dto.messageCategoryId !== undefined) set('message_category_id', dto.messageCategoryId);
      if (sets.length) {
        try {
          await em.query(`UPDATE contract_templates SET ${sets.join(', ')} WHERE id = ?`, [...params, id]);
        } catch (err) {
          throw this.nameTaken(err, dto.name ?? before.name);
        }
      }
      const after = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: 'update',
        entityType: ENTITY_TYPE,
        entityId: id,
        before: auditState(before),
        after: auditState(after),
      });
      return after;
    });
  }

  /** Only a template no contract was ever written from; the others are kept for their contracts. */
  async delete(id: number): Promise<ContractTemplateResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const before = await this.get(id, em, true);
      const used: { id: number }[] = await em.query('SELECT id FROM contracts WHERE template_id = ? ORDER BY id LIMIT 11', [id]);
      if (used.length) {
        const ids = used.slice(0, 10).map((c) => Number(c.id));
        throw new ConflictException(
          ContractsErrorCode.TemplateInUse,
          `Template '${before.name}' was used for contract${ids.length > 1 ? 's' : ''} ${ids.join(', ')}${used.length > 10 ? ' and more' : ''}; ` +
            'disable it instead, so it is no longer offered',
          [{ field: 'id', rule: 'inUse', message: `used by contracts ${ids.join(', ')}` }],
        );
      }
      await em.query('DELETE FROM contract_templates WHERE id = ?', [id]);
      await this.audit.recordAction(em, { action: 'delete', entityType: ENTITY_TYPE, entityId: id, before: auditState(before) });
      return before;
    });
  }

  async preview(id: number, dto: PreviewContractTemplateDto): Promise<ContractPreviewDto> {
    const template = await this.get(id);
    const body = dto.bodyHtml === undefined ? template.bodyHtml : this.checkedBody(dto.bodyHtml);
    const values = await this.values.values(this.db.manager, dto.accountId, { name: template.name, termMonths: template.termMonths });
    return { html: renderContractHtml(body, values) };
  }

  /** The body as it will be kept: sanitised, then checked for merge fields (a 400 names each unknown one). */
  private checkedBody(html: string): string {
    const body = sanitiseContractHtml(html);
    const errors: FieldError[] = contractTemplateErrors('bodyHtml', body);
    if (!body)
      errors.push({
        field: 'bodyHtml',
        rule: 'notEmpty',
        message: 'bodyHtml holds no content once scripts and markup not allowed are removed',
      });
    if (errors.length) throw new BadInputException(errors);
    return body;
  }

  private async assertCategory(em: EntityManager, categoryId: number | null): Promise<void> {
    if (categoryId === null) return;
    const [found] = await em.query('SELECT id FROM message_categories WHERE id = ?', [categoryId]);
    if (!found) {
      throw new BadInputException([
        { field: 'messageCategoryId', rule: 'exists', message: `message category ${categoryId} does not exist` },
      ]);
    }
  }

  private nameTaken(err: unknown, name: string): unknown {
    if (!isDuplicateKey(err)) return err;
    return new BadInputException([{ field: 'name', rule: 'unique', message: `a contract template named '${name}' already exists` }]);
  }
}
