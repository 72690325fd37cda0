import { PipeTransform, Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { BadInputException, FieldError } from './errors';
import { flattenValidationErrors } from './validation';

export type SortOrder = 'ASC' | 'DESC';

export interface ListQuery<F, S extends string = string> {
  filter: F;
  sort: { field: S; order: SortOrder };
  offset: number;
  limit: number;
}

/** A page of rows plus the total, answered as react-admin's simple-REST dialect. */
export class ListResult<T> {
  constructor(
    readonly resource: string,
    readonly items: T[],
    readonly total: number,
    readonly offset: number,
  ) {}

  get contentRange(): string {
    const end = this.items.length === 0 ? this.offset : this.offset + this.items.length - 1;
    return `${this.resource} ${this.offset}-${end}/${this.total}`;
  }
}

export const MAX_PAGE_SIZE = 1000;

function parseJson(field: string, raw: unknown, fallback: unknown): unknown {
  if (raw === undefined || raw === '') return fallback;
  if (typeof raw !== 'string') throw new BadInputException([{ field, rule: 'json', message: `${field} must be a JSON value` }]);
  try {
    return JSON.parse(raw);
  } catch {
    throw new BadInputException([{ field, rule: 'json', message: `${field} must be valid JSON` }]);
  }
}

/**
 * Parses `sort`, `range` and `filter` query parameters. The filter is validated
 * against a DTO, and only whitelisted sort fields pass, so nothing from the URL
 * reaches SQL unchecked.
 */
export class ListQueryPipe<F extends object, S extends string> implements PipeTransform {
  constructor(
    private readonly filterType: Type<F>,
    private readonly sortable: readonly S[],
    private readonly defaultSort: { field: S; order: SortOrder },
  ) {}

  transform(query: Record<string, unknown>): ListQuery<F, S> {
    const unknownParams = Object.keys(query ?? {}).filter((k) => !['sort', 'range', 'filter'].includes(k));
    const errors: FieldError[] = unknownParams.map((k) => ({
      field: k,
      rule: 'unknownField',
      message: `${k} is not an accepted query parameter (use sort, range and filter)`,
    }));

    const sort = parseJson('sort', query?.sort, [this.defaultSort.field, this.defaultSort.order]);
    let sortField = this.defaultSort.field;
    let sortOrder: SortOrder = this.defaultSort.order;
    if (
      !Array.isArray(sort) ||
      sort.length !== 2 ||
      !this.sortable.includes(sort[0]) ||
      !['ASC', 'DESC'].includes(String(sort[1]).toUpperCase())
    ) {
      errors.push({
        field: 'sort',
        rule: 'sortable',
        message: `sort must be ["field","ASC"|"DESC"] with field one of ${this.sortable.join(', ')}`,
      });
    } else {
      sortField = sort[0] as S;
      sortOrder = String(sort[1]).toUpperCase() as SortOrder;
    }

    // react-admin's getMany sends ids and no range: answer all of them, not the first page.
    const wantsIds = typeof query?.filter === 'string' && /"id"\s*:\s*\[/.test(query.filter);
    const range = parseJson('range', query?.range, wantsIds ? [0, MAX_PAGE_SIZE - 1] : [0, 24]);
    let offset = 0;
    let limit = 25;
    if (
      !Array.isArray(range) ||
      range.length !== 2 ||
      !range.every((n) => Number.isInteger(n) && n >= 0) ||
      range[1] < range[0] ||
      range[1] - range[0] + 1 > MAX_PAGE_SIZE
    ) {
      errors.push({
        field: 'range',
        rule: 'range',
        message: `range must be [start,end] with 0 <= start <= end and at most ${MAX_PAGE_SIZE} rows`,
      });
    } else {
      offset = range[0];
      limit = range[1] - range[0] + 1;
    }

    const rawFilter = parseJson('filter', query?.filter, {});
    let filter = {} as F;
    if (typeof rawFilter !== 'object' || rawFilter === null || Array.isArray(rawFilter)) {
      errors.push({ field: 'filter', rule: 'object', message: 'filter must be a JSON object' });
    } else {
      filter = plainToInstance(this.filterType, rawFilter);
      const filterErrors = validateSync(filter, { whitelist: true, forbidNonWhitelisted: true });
      errors.push(...flattenValidationErrors(filterErrors, 'filter'));
    }

    if (errors.length) throw new BadInputException(errors);
    return { filter, sort: { field: sortField, order: sortOrder }, offset, limit };
  }
}
