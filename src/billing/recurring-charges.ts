import { groupInto } from '../common/group-into';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CatalogService, RECURRING_KINDS } from '../catalog/catalog.service';

export interface AccountServiceRow {
  id: number;
  accountId: number;
  serviceId: number | null;
  packageId: number | null;
  quantity: number;
  priceOverride: number | null;
  prorateOnAdd: boolean;
  prorateOnRemove: boolean | null;
  addedOn: string;
  removedOn: string | null;
  additionProrateDate: string | null;
  chargedThrough: string | null;
}

/** One billable line of a service on an account for a whole period; a package gives one line per service in it. */
export interface RecurringLine {
  accountServiceId: number;
  serviceId: number;
  description: string;
  quantity: number;
  /** The charge for one whole period, before taxes. */
  amount: number;
  taxIds: number[];
}

export const ACCOUNT_SERVICE_COLUMNS = `s.id, s.account_id, s.service_id, s.package_id, s.quantity, s.price_override, s.prorate_on_add, s.prorate_on_remove,
  DATE_FORMAT(s.added_on, '%Y-%m-%d') AS added_on, DATE_FORMAT(s.removed_on, '%Y-%m-%d') AS removed_on,
  DATE_FORMAT(s.addition_prorate_date, '%Y-%m-%d') AS addition_prorate_date, DATE_FORMAT(s.charged_through, '%Y-%m-%d') AS charged_through`;

export function toAccountServiceRow(r: Record<string, unknown>): AccountServiceRow {
  return {
    id: Number(r.id),
    accountId: Number(r.account_id),
    serviceId: r.service_id === null ? null : Number(r.service_id),
    packageId: r.package_id === null ? null : Number(r.package_id),
    quantity: Number(r.quantity),
    priceOverride: r.price_override === null ? null : Number(r.price_override),
    prorateOnAdd: Boolean(Number(r.prorate_on_add)),
    prorateOnRemove: r.prorate_on_remove === null ? null : Boolean(Number(r.prorate_on_remove)),
    addedOn: r.added_on as string,
    removedOn: (r.removed_on as string | null) ?? null,
    additionProrateDate: (r.addition_prorate_date as string | null) ?? null,
    chargedThrough: (r.charged_through as string | null) ?? null,
  };
}

/**
 * SQL twin of linesForRows: the pre-tax charge for one whole period of the account
 * service aliased `s`, summed over its lines. A service counts when its kind recurs
 * (the override, if any, replaces its price); a package is its items' prices times
 * their quantities. Both times the row's quantity.
 */
export const RECURRING_AMOUNT_JOINS = `LEFT JOIN services rv ON rv.id = s.service_id
  LEFT JOIN (SELECT ps.package_id, SUM(ps.price * ps.quantity) AS amount FROM package_services ps GROUP BY ps.package_id) rp
    ON s.service_id IS NULL AND rp.package_id = s.package_id`;
export const RECURRING_AMOUNT = `CASE WHEN s.service_id IS NOT NULL
    THEN IF(rv.kind IN (${RECURRING_KINDS.map((k) => `'${k}'`).join(',')}), COALESCE(s.price_override, rv.price) * s.quantity, 0)
    ELSE COALESCE(rp.amount, 0) * s.quantity END`;

/** The account service aliased `s` is on the account on the date (an SQL expression): added by then, not yet removed. */
export function serviceActiveOnCondition(date: string): string {
  return `s.added_on <= ${date} AND (s.removed_on IS NULL OR s.removed_on > ${date})`;
}

/**
 * What a service on an account costs per period. The one definition used by
 * invoice generation, prorations and the "next recurring charge" figure.
 */
@Injectable()
export class RecurringCharges {
  constructor(private readonly catalog: CatalogService) {}

  async linesFor(em: EntityManager, row: AccountServiceRow): Promise<RecurringLine[]> {
    if (row.packageId !== null && row.serviceId === null) await this.catalog.requirePackage(em, row.packageId, 'packageId');
    return (await this.linesForRows(em, [row])).get(row.id) ?? [];
  }

  /** linesFor of many rows with the catalogue read once: the services and packages they name, in two lookups. */
  async linesForRows(em: EntityManager, rows: AccountServiceRow[]): Promise<Map<number, RecurringLine[]>> {
    const services = await this.catalog.servicesByIds(
      em,
      rows.flatMap((r) => (r.serviceId === null ? [] : [r.serviceId])),
    );
    const packages = await this.catalog.packagesByIds(
      em,
      rows.flatMap((r) => (r.serviceId === null && r.packageId !== null ? [r.packageId] : [])),
    );
    const lines = new Map<number, RecurringLine[]>();
    for (const row of rows) {
      if (row.serviceId !== null) {
        const service = services.get(row.serviceId);
        lines.set(
          row.id,
          !service || !RECURRING_KINDS.includes(service.kind)
            ? []
            : [
                {
                  accountServiceId: row.id,
                  serviceId: service.id,
                  description: service.name,
                  quantity: row.quantity,
                  amount: (row.priceOverride ?? service.price) * row.quantity,
                  taxIds: service.taxIds,
                },
              ],
        );
        continue;
      }
      const pkg = row.packageId === null ? undefined : packages.get(row.packageId);
      lines.set(
        row.id,
        pkg
          ? pkg.items.map((item) => ({
              accountServiceId: row.id,
              serviceId: item.serviceId,
              description: `${pkg.name}: ${item.service.name}`,
              quantity: item.quantity * row.quantity,
              amount: item.price * item.quantity * row.quantity,
              taxIds: item.service.taxIds,
            }))
          : [],
      );
    }
    return lines;
  }

  async activeRows(em: EntityManager, accountId: number): Promise<AccountServiceRow[]> {
    return (await this.activeRowsOf(em, [accountId])).get(accountId) ?? [];
  }

  /** activeRows of many accounts in one query; an account with none is left out. */
  async activeRowsOf(em: EntityManager, accountIds: number[]): Promise<Map<number, AccountServiceRow[]>> {
    const byAccount = new Map<number, AccountServiceRow[]>();
    if (!accountIds.length) return byAccount;
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT ${ACCOUNT_SERVICE_COLUMNS} FROM account_services s WHERE s.account_id IN (?) AND s.removed_on IS NULL ORDER BY s.id`,
      [accountIds],
    );
    for (const row of rows.map(toAccountServiceRow)) groupInto(byAccount, row.accountId, row);
    return byAccount;
  }
}
