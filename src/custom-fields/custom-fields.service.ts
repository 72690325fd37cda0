import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BadInputException, ConflictException, FieldError, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { compilePattern, UNIQUE_VALUE_MAX_LENGTH } from './custom-field-rules';
import { CustomField } from './custom-field.entity';
import {
  CreateCustomFieldDto,
  CustomFieldFilterDto,
  CustomFieldResponseDto,
  CustomFieldSortField,
  UpdateCustomFieldDto,
} from './dto/custom-field.dto';
import { CustomFieldsErrorCode } from './custom-fields.error-codes';
import { transactionWithRetry } from '../database/transaction';

const ACCOUNT = 'account';
const SORT_COLUMNS: Record<CustomFieldSortField, string> = { id: 'f.id', name: 'f.name', position: 'f.position' };

type Definition = Pick<CustomField, 'name' | 'type' | 'required' | 'unique' | 'pattern' | 'example' | 'options' | 'position' | 'active'>;

export function toCustomFieldResponse(field: CustomField): CustomFieldResponseDto {
  return {
    id: field.id,
    name: field.name,
    type: field.type,
    required: field.required,
    unique: field.unique,
    pattern: field.pattern,
    example: field.example,
    options: field.options,
    position: field.position,
    active: field.active,
  };
}

function definitionErrors(definition: Definition): FieldError[] {
  const errors: FieldError[] = [];
  if (definition.type === 'select') {
    const options = definition.options ?? [];
    if (!options.length) errors.push({ field: 'options', rule: 'arrayNotEmpty', message: 'a select field needs at least one option' });
    if (options.some((o) => o.trim() === '')) errors.push({ field: 'options', rule: 'isNotEmpty', message: 'options cannot be blank' });
    if (new Set(options).size !== options.length)
      errors.push({ field: 'options', rule: 'arrayUnique', message: 'options must not repeat' });
  } else if (definition.options !== null) {
    errors.push({ field: 'options', rule: 'notAllowed', message: 'options apply only to select fields' });
  }
  let pattern: RegExp | null = null;
  if (definition.pattern !== null) {
    if (definition.type !== 'text') {
      errors.push({ field: 'pattern', rule: 'notAllowed', message: 'a pattern applies only to text fields' });
    } else {
      try {
        pattern = compilePattern(definition.pattern);
      } catch (err) {
        errors.push({
          field: 'pattern',
          rule: 'isRegExp',
          message: `pattern is not a valid regular expression: ${(err as Error).message}`,
        });
      }
    }
  }
  if (definition.example !== null) {
    if (definition.pattern === null) {
      errors.push({ field: 'example', rule: 'notAllowed', message: 'an example applies only to text fields with a pattern' });
    } else if (pattern && !pattern.test(definition.example)) {
      errors.push({ field: 'example', rule: 'pattern', message: `example "${definition.example}" does not match the pattern` });
    }
  }
  return errors;
}

/** Definitions of the custom fields on accounts; values are handled by CustomFieldValuesService. */
@Injectable()
export class CustomFieldsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListQuery<CustomFieldFilterDto, CustomFieldSortField>): Promise<ListResult<CustomFieldResponseDto>> {
    const qb = this.db.getRepository(CustomField).createQueryBuilder('f').where('f.entity_type = :entityType', { entityType: ACCOUNT });
    if (query.filter.q) qb.andWhere('f.name LIKE :q', { q: `%${query.filter.q.replace(/[%_\\]/g, '\\$&')}%` });
    if (query.filter.id?.length) qb.andWhere('f.id IN (:...ids)', { ids: query.filter.id });
    if (query.filter.active !== undefined) qb.andWhere('f.active = :active', { active: query.filter.active });
    qb.orderBy(SORT_COLUMNS[query.sort.field], query.sort.order).addOrderBy('f.id', query.sort.order).skip(query.offset).take(query.limit);
    const [rows, total] = await qb.getManyAndCount();
    return new ListResult('custom-fields', rows.map(toCustomFieldResponse), total, query.offset);
  }

  async get(id: number): Promise<CustomFieldResponseDto> {
    return toCustomFieldResponse(await this.load(this.db.manager, id));
  }

  async create(dto: CreateCustomFieldDto): Promise<CustomFieldResponseDto> {
    const definition: Definition = {
      name: dto.name,
      type: dto.type,
      required: dto.required ?? false,
      unique: dto.unique ?? false,
      pattern: dto.pattern || null,
      example: dto.example || null,
      options: dto.options ?? null,
      position: dto.position ?? 0,
      active: dto.active ?? true,
    };
    const errors = definitionErrors(definition);
    if (errors.length) throw new BadInputException(errors);
    return transactionWithRetry(this.db, async (em) => {
      await this.assertNameFree(em, definition.name, null);
      const field = em.create(CustomField, { ...definition, entityType: ACCOUNT });
      await em.insert(CustomField, field);
      const after = toCustomFieldResponse(await this.load(em, field.id));
      await this.audit.recordAction(em, { action: 'create', entityType: 'custom_field', entityId: field.id, after: { ...after } });
      return after;
    });
  }

  async update(id: number, dto: UpdateCustomFieldDto): Promise<CustomFieldResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const field = await this.load(em, id, true);
      const before = toCustomFieldResponse(field);
      const type = dto.type ?? field.type;
      // Switching type drops settings the new type cannot have, unless the caller sent them.
      const definition: Definition = {
        name: dto.name ?? field.name,
        type,
        required: dto.required ?? field.required,
        unique: dto.unique ?? field.unique,
        pattern: dto.pattern !== undefined ? dto.pattern || null : type === 'text' ? field.pattern : null,
        example: null,
        options: dto.options !== undefined ? dto.options : type === 'select' ? field.options : null,
        position: dto.position ?? field.position,
        active: dto.active ?? field.active,
      };
      // The example goes with the pattern: kept while the pattern is, dropped when the pattern goes.
      definition.example = dto.example !== undefined ? dto.example || null : definition.pattern !== null ? field.example : null;
      const errors = definitionErrors(definition);
      if (errors.length) throw new BadInputException(errors);
      if (definition.name !== field.name) await this.assertNameFree(em, definition.name, id);

      const [{ n: valueCount }] = await em.query('SELECT COUNT(*) AS n FROM custom_field_values WHERE custom_field_id = ?', [id]);
      if (definition.type !== field.type && Number(valueCount) > 0) {
        throw new ConflictException(
          CustomFieldsErrorCode.CustomFieldHasValues,
          `${field.name} already has values on ${valueCount} account(s); its type cannot change until they are cleared`,
          [{ field: 'type', rule: 'noValues', message: 'type cannot change while accounts have values for this field' }],
        );
      }
      if (definition.type === 'select') await this.assertOptionsCoverValues(em, field, definition.options ?? []);
      if (definition.unique && !field.unique) await this.assertValuesDistinct(em, field);

      await em.update(CustomField, { id }, definition);
      if (definition.unique !== field.unique) {
        await em.query(`UPDATE custom_field_values SET unique_value = ${definition.unique ? 'value' : 'NULL'} WHERE custom_field_id = ?`, [
          id,
        ]);
      }
      const after = toCustomFieldResponse(await this.load(em, id));
      await this.audit.recordAction(em, {
        action: 'update',
        entityType: 'custom_field',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  /** Removes the definition and every account's value for it; deactivate instead to keep the values. */
  async remove(id: number): Promise<CustomFieldResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const before = toCustomFieldResponse(await this.load(em, id, true));
      const [{ n }] = await em.query('SELECT COUNT(*) AS n FROM custom_field_values WHERE custom_field_id = ?', [id]);
      await em.delete(CustomField, { id });
      await this.audit.recordAction(em, {
        action: 'delete',
        entityType: 'custom_field',
        entityId: id,
        before: { ...before, valueCount: Number(n) },
      });
      return before;
    });
  }

  private async assertOptionsCoverValues(em: EntityManager, field: CustomField, options: string[]): Promise<void> {
    const rows: { value: string }[] = await em.query('SELECT DISTINCT value FROM custom_field_values WHERE custom_field_id = ?', [
      field.id,
    ]);
    const orphaned = rows.map((r) => r.value).filter((v) => !options.includes(v));
    if (orphaned.length) {
      throw new ConflictException(
        CustomFieldsErrorCode.CustomFieldOptionInUse,
        `Accounts still use ${orphaned.map((v) => `"${v}"`).join(', ')} for ${field.name}; change those accounts before removing the option`,
        [{ field: 'options', rule: 'inUse', message: `options in use cannot be removed: ${orphaned.join(', ')}` }],
      );
    }
  }

  /** Compares in the column's collation, the same way the unique key will. */
  private async assertValuesDistinct(em: EntityManager, field: CustomField): Promise<void> {
    const duplicates: { value: string }[] = await em.query(
      'SELECT MIN(value) AS value FROM custom_field_values WHERE custom_field_id = ? GROUP BY value HAVING COUNT(*) > 1 LIMIT 5',
      [field.id],
    );
    if (duplicates.length) {
      throw new ConflictException(
        CustomFieldsErrorCode.CustomFieldHasDuplicates,
        `${field.name} cannot become unique: several accounts share ${duplicates.map((d) => `"${d.value}"`).join(', ')}`,
        [{ field: 'unique', rule: 'noDuplicates', message: 'existing values repeat across accounts' }],
      );
    }
    const [{ n: tooLong }] = await em.query(
      'SELECT COUNT(*) AS n FROM custom_field_values WHERE custom_field_id = ? AND CHAR_LENGTH(value) > ?',
      [field.id, UNIQUE_VALUE_MAX_LENGTH],
    );
    if (Number(tooLong) > 0) {
      throw new ConflictException(
        CustomFieldsErrorCode.CustomFieldValuesTooLong,
        `${field.name} cannot become unique: ${tooLong} value(s) are longer than ${UNIQUE_VALUE_MAX_LENGTH} characters`,
        [{ field: 'unique', rule: 'maxLength', message: `unique values can be at most ${UNIQUE_VALUE_MAX_LENGTH} characters` }],
      );
    }
  }

  private async load(em: EntityManager, id: number, lock = false): Promise<CustomField> {
    const field = await em.findOne(CustomField, {
      where: { id, entityType: ACCOUNT },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!field) throw new NotFoundException('Custom field', id);
    return field;
  }

  private async assertNameFree(em: EntityManager, name: string, exceptId: number | null): Promise<void> {
    const holder = await em.findOneBy(CustomField, { entityType: ACCOUNT, name });
    if (holder && holder.id !== exceptId) {
      throw new ConflictException(CustomFieldsErrorCode.CustomFieldNameTaken, `A custom field named "${name}" already exists`, [
        { field: 'name', rule: 'unique', message: 'name is already used by another custom field' },
      ]);
    }
  }
}
