import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { BillingSettings } from '../billing-config/billing-config.service';
import { BillingConfigService } from '../billing-config/billing-config.service';
import { CatalogService, RECURRING_KINDS } from '../catalog/catalog.service';
import { BadInputException, ConflictException, NotFoundException } from '../common/errors';
import { ListResult } from '../common/list-query';
import { transactionWithRetry } from '../database/transaction';
import { ACCOUNT_SERVICE_WATCHERS, AccountServiceChange, AccountServiceWatcher } from './account-service-watchers';
import { TaxService } from '../taxes/tax.service';
import { addDays, daysBetween, isBillingDate, maxDate, periodContaining, prorate } from './billing-calendar';
import {
  AccountServiceFilterDto,
  AccountServiceResponseDto,
  AddAccountServiceDto,
  ChangeQuantityDto,
  EditAccountServiceDto,
  RemoveAccountServiceDto,
} from './dto/account-service.dto';
import { FamilyLockService } from './family-lock.service';
import { chargesOwed } from './invoice-batch.service';
import { LedgerPostings } from './ledger-postings';
import { LedgerService } from './ledger.service';
import { ACCOUNT_SERVICE_COLUMNS, AccountServiceRow, RecurringCharges, toAccountServiceRow } from './recurring-charges';
import { BillingErrorCode } from './billing.error-codes';

/**
 * Services and packages on accounts. Adding or removing one in the middle of a
 * period is settled by days: in advance billing the prorated charge or credit is
 * written at once and waits for the next invoice; in arrears the next invoice
 * charges the days actually used.
 */
/** Nothing can happen to a line before the day it was added. */
function assertNotBeforeAddition(row: AccountServiceRow, date: string): void {
  if (date < row.addedOn) {
    throw new BadInputException([
      { field: 'date', rule: 'afterAddition', message: `date cannot be before the service was added (${row.addedOn})` },
    ]);
  }
}

@Injectable()
export class AccountServicesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly locks: FamilyLockService,
    private readonly postings: LedgerPostings,
    private readonly ledger: LedgerService,
    private readonly recurring: RecurringCharges,
    private readonly catalog: CatalogService,
    private readonly taxes: TaxService,
    private readonly billingConfig: BillingConfigService,
    private readonly audit: AuditService,
    @Optional() @Inject(ACCOUNT_SERVICE_WATCHERS) private readonly watchers: AccountServiceWatcher[] | null,
  ) {}

  async list(filter: AccountServiceFilterDto, offset: number, limit: number): Promise<ListResult<AccountServiceResponseDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.accountId) {
      where.push('s.account_id = ?');
      params.push(filter.accountId);
    }
    if (!filter.includeRemoved) where.push('s.removed_on IS NULL');
    if (filter.id?.length) {
      where.push('s.id IN (?)');
      params.push(filter.id);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT COUNT(*) AS n FROM account_services s ${clause}`, params);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${ACCOUNT_SERVICE_COLUMNS} FROM account_services s ${clause} ORDER BY s.removed_on IS NULL DESC, s.id LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    const items = await Promise.all(rows.map((r) => this.describe(this.db.manager, toAccountServiceRow(r))));
    return new ListResult('account-services', items, Number(n), offset);
  }

  async get(id: number, em: EntityManager = this.db.manager): Promise<AccountServiceResponseDto> {
    return this.describe(em, await this.requireRow(em, id));
  }

  async add(dto: AddAccountServiceDto): Promise<AccountServiceResponseDto> {
    if (dto.date !== undefined && !isBillingDate(dto.date)) {
      throw new BadInputException([{ field: 'date', rule: 'date', message: 'date is not a calendar date' }]);
    }
    const added = await transactionWithRetry(this.db, (em) => this.addLocked(em, dto));
    await this.announceChange({ accountId: added.accountId, accountServiceId: added.id, action: 'account_service.add' });
    return added;
  }

  /**
   * In advance billing the current period is paid up front. A service joining on
   * the first day is picked up by that day's invoice (or charged now when that
   * invoice already exists); joining later, it is charged for the rest of the
   * period when prorated and rides free until the next period when not.
   */
  private async settleAdditionInAdvance(
    em: EntityManager,
    row: AccountServiceRow,
    period: { start: string; end: string },
    settings: BillingSettings,
  ): Promise<void> {
    const [invoiced]: { id: number }[] = await em.query('SELECT id FROM invoices WHERE account_id = ? AND generated_for = ?', [
      row.accountId,
      period.start,
    ]);
    const fromStart = row.addedOn === period.start;
    if (fromStart && !invoiced) {
      await em.query('UPDATE account_services SET charged_through = ? WHERE id = ?', [period.start, row.id]);
      return;
    }
    if (fromStart || row.prorateOnAdd) {
      const periodDays = daysBetween(period.start, period.end);
      const days = daysBetween(row.addedOn, period.end);
      await this.postProrated(em, row, 'debit', days, periodDays, { start: row.addedOn, end: period.end }, settings);
    }
    await em.query('UPDATE account_services SET charged_through = ? WHERE id = ?', [period.end, row.id]);
  }

  async remove(id: number, dto: RemoveAccountServiceDto): Promise<AccountServiceResponseDto> {
    if (dto.date !== undefined && !isBillingDate(dto.date)) {
      throw new BadInputException([{ field: 'date', rule: 'date', message: 'date is not a calendar date' }]);
    }
    const removed = await transactionWithRetry(this.db, (em) => this.removeLocked(em, id, dto));
    await this.announceChange({ accountId: removed.accountId, accountServiceId: removed.id, action: 'account_service.remove' });
    return removed;
  }

  /** Puts a service on the account from `date`, settling the rest of the current period when billing in advance. */
  private async start(
    em: EntityManager,
    spec: { accountId: number; serviceId?: number | null; packageId?: number | null; quantity: number; priceOverride?: number | null },
    date: string,
    prorateOnAdd: boolean,
    settings: BillingSettings,
  ): Promise<AccountServiceRow> {
    const period = periodContaining(date, await this.billingConfig.anchorDay(em, spec.accountId));
    const insert: { insertId: number } = await em.query(
      `INSERT INTO account_services (account_id, service_id, package_id, quantity, price_override, prorate_on_add, added_on, addition_prorate_date)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        spec.accountId,
        spec.serviceId ?? null,
        spec.packageId ?? null,
        spec.quantity,
        spec.priceOverride ?? null,
        prorateOnAdd ? 1 : 0,
        date,
        prorateOnAdd && date !== period.start ? date : null,
      ],
    );
    const row = await this.requireRow(em, Number(insert.insertId));
    if (settings.billTiming === 'advance') await this.settleAdditionInAdvance(em, row, period, settings);
    return row;
  }

  /** Takes a service off the account from `date`; paid ahead past that day, the unused days come back as a credit. */
  private async end(
    em: EntityManager,
    row: AccountServiceRow,
    date: string,
    prorateOnRemove: boolean,
    settings: BillingSettings,
  ): Promise<void> {
    await em.query('UPDATE account_services SET removed_on = ?, prorate_on_remove = ? WHERE id = ?', [
      date,
      prorateOnRemove ? 1 : 0,
      row.id,
    ]);
    if (prorateOnRemove && row.chargedThrough && row.chargedThrough > date) {
      await this.creditUnusedDays(em, row, date, settings);
      await em.query('UPDATE account_services SET charged_through = ? WHERE id = ?', [date, row.id]);
      await this.postings.autoApply(em, row.accountId);
    }
  }

  /**
   * Gives back the days from `date` on that the line was already charged for. Each
   * charge is settled on its own, so a line charged several periods ahead (a bill run
   * dated in the future) or ended before the period it was charged for gets every
   * day back and never more than the charge: a charge wholly after the date comes back
   * whole, a part of one by days of the service period it falls in.
   */
  private async creditUnusedDays(em: EntityManager, row: AccountServiceRow, date: string, settings: BillingSettings): Promise<void> {
    const charged: { service_id: number; amount: string; period_start: string; period_end: string }[] = await em.query(
      `SELECT t.service_id, t.amount, DATE_FORMAT(t.period_start, '%Y-%m-%d') AS period_start, DATE_FORMAT(t.period_end, '%Y-%m-%d') AS period_end
         FROM transactions t
        WHERE t.account_service_id = ? AND t.kind = 'debit' AND t.side = 'debit' AND t.corrected_by_transaction_id IS NULL
          AND t.period_start IS NOT NULL AND t.period_end >= ?
        ORDER BY t.period_start, t.id`,
      [row.id, date],
    );
    if (!charged.length) return;
    const anchor = await this.billingConfig.anchorDay(em, row.accountId);
    const ctx = await this.taxes.contextFor(em, row.accountId, { exempt: settings.taxExempt });
    const lines = new Map((await this.recurring.linesFor(em, row)).map((line) => [line.serviceId, line]));
    for (const charge of charged) {
      const line = lines.get(Number(charge.service_id));
      const start = maxDate(date, charge.period_start);
      const end = addDays(charge.period_end, 1);
      if (!line || start >= end) continue;
      const period = periodContaining(charge.period_start, anchor);
      const days = daysBetween(start, end);
      const periodDays = daysBetween(period.start, period.end);
      const whole = start === charge.period_start;
      const amount = whole
        ? Number(charge.amount)
        : Math.min(Number(charge.amount), prorate(line.amount, Math.min(days, periodDays), periodDays, settings.prorationRounding));
      if (amount <= 0) continue;
      await this.postings.insert(em, {
        accountId: row.accountId,
        kind: 'discount',
        side: 'credit',
        amount,
        taxes: this.taxes.taxLines(ctx, amount, line.taxIds),
        date,
        description: `${line.description} (${start} to ${charge.period_end}), unused days credited ${days}/${periodDays} days`,
        serviceId: line.serviceId,
        accountServiceId: row.id,
        quantity: line.quantity,
        periodStart: start,
        periodEnd: charge.period_end,
      });
    }
  }

  /**
   * A new quantity from `date`: the old line ends and a new one starts that day,
   * both prorated when the configuration prorates quantity changes.
   */
  async changeQuantity(id: number, dto: ChangeQuantityDto): Promise<AccountServiceResponseDto> {
    if (dto.date !== undefined && !isBillingDate(dto.date)) {
      throw new BadInputException([{ field: 'date', rule: 'date', message: 'date is not a calendar date' }]);
    }
    return transactionWithRetry(this.db, async (em) => {
      const head = await this.requireRow(em, id);
      await this.locks.lock(em, head.accountId);
      const row = await this.requireRow(em, id);
      if (row.removedOn) throw new ConflictException(BillingErrorCode.ServiceRemoved, `This service was removed on ${row.removedOn}`);
      if (row.quantity === dto.quantity) {
        throw new BadInputException([{ field: 'quantity', rule: 'changed', message: `the quantity is already ${dto.quantity}` }]);
      }
      const date = dto.date ?? this.ledger.today();
      assertNotBeforeAddition(row, date);
      await this.billingConfig.assertOpen(em, date, 'A quantity change');
      const settings = await this.billingConfig.effective(em, row.accountId);
      const prorate = dto.prorate ?? settings.prorateServiceQuantity;
      return this.replaceLine(em, row, { quantity: dto.quantity }, date, prorate, settings, 'account_service.change_quantity');
    });
  }

  /**
   * An edit by a clerk. New terms (quantity, price) never reach back into what was already
   * invoiced and are never prorated: the line is replaced from the first day the next invoice
   * covers, so that invoice is the first to carry them. In advance billing that is the first
   * day not yet charged (`charged_through`); in arrears it is the start of the current period,
   * which the next invoice bills. To change terms from a given day with proration, use the
   * quantity change or the price change. The proration date is a record of where the first
   * period's proration started and moves no money, so it is corrected in place.
   */
  async edit(id: number, dto: EditAccountServiceDto): Promise<AccountServiceResponseDto> {
    if (dto.quantity === undefined && dto.priceOverride === undefined && dto.prorationDate === undefined) {
      throw new BadInputException([
        { field: 'quantity', rule: 'atLeastOne', message: 'give at least one of quantity, priceOverride, prorationDate' },
      ]);
    }
    return transactionWithRetry(this.db, async (em) => {
      const head = await this.requireRow(em, id);
      await this.locks.lock(em, head.accountId);
      const row = await this.requireRow(em, id);
      if (row.removedOn) throw new ConflictException(BillingErrorCode.ServiceRemoved, `This service was removed on ${row.removedOn}`);
      if (dto.priceOverride !== undefined && dto.priceOverride !== null && row.serviceId === null) {
        throw new BadInputException([
          {
            field: 'priceOverride',
            rule: 'servicesOnly',
            message: 'a package is priced by its services; override prices on services only',
          },
        ]);
      }
      if (dto.prorationDate && dto.prorationDate < row.addedOn) {
        throw new BadInputException([
          {
            field: 'prorationDate',
            rule: 'afterAddition',
            message: `prorationDate cannot be before the service was added (${row.addedOn})`,
          },
        ]);
      }
      const before = await this.describe(em, row);
      const prorationDate = dto.prorationDate !== undefined ? dto.prorationDate : row.additionProrateDate;
      const terms = {
        quantity: dto.quantity ?? row.quantity,
        priceOverride: dto.priceOverride !== undefined ? dto.priceOverride : row.priceOverride,
      };
      let lineId = row.id;
      if (terms.quantity !== row.quantity || terms.priceOverride !== row.priceOverride) {
        const settings = await this.billingConfig.effective(em, row.accountId);
        const from = await this.nextInvoicedDay(em, row, settings);
        await this.billingConfig.assertOpen(em, from, 'A service edit');
        await this.end(em, row, from, false, settings);
        lineId = (await this.start(em, { ...row, ...terms }, from, false, settings)).id;
      }
      await em.query('UPDATE account_services SET addition_prorate_date = ? WHERE id = ?', [prorationDate, lineId]);
      const after = await this.get(lineId, em);
      await this.audit.recordAction(em, {
        action: 'account_service.edit',
        entityType: 'account_service',
        entityId: lineId,
        accountId: row.accountId,
        before: { ...before },
        after: { ...after, ...(lineId !== row.id && { replaces: row.id }) },
      });
      return after;
    });
  }

  /** The first day the account's next invoice charges this line for; see edit(). */
  private async nextInvoicedDay(em: EntityManager, row: AccountServiceRow, settings: BillingSettings): Promise<string> {
    if (settings.billTiming === 'advance' && row.chargedThrough) return maxDate(row.addedOn, row.chargedThrough);
    const period = periodContaining(this.ledger.today(), await this.billingConfig.anchorDay(em, row.accountId));
    return maxDate(row.addedOn, period.start);
  }

  private async postProrated(
    em: EntityManager,
    row: AccountServiceRow,
    side: 'debit' | 'credit',
    days: number,
    periodDays: number,
    span: { start: string; end: string },
    settings: BillingSettings,
  ): Promise<void> {
    const ctx = await this.taxes.contextFor(em, row.accountId, { exempt: settings.taxExempt });
    for (const line of await this.recurring.linesFor(em, row)) {
      const amount = prorate(line.amount, days, periodDays, settings.prorationRounding);
      if (amount <= 0) continue;
      await this.postings.insert(em, {
        accountId: row.accountId,
        kind: side === 'debit' ? 'debit' : 'discount',
        side,
        amount,
        taxes: this.taxes.taxLines(ctx, amount, line.taxIds),
        date: side === 'debit' ? row.addedOn : span.start,
        description: `${line.description} (${span.start} to ${addDays(span.end, -1)}), ${side === 'debit' ? 'prorated' : 'unused days credited'} ${days}/${periodDays} days`,
        serviceId: line.serviceId,
        accountServiceId: row.id,
        quantity: line.quantity,
        periodStart: span.start,
        periodEnd: addDays(span.end, -1),
      });
    }
  }

  private async requireRow(em: EntityManager, id: number): Promise<AccountServiceRow> {
    const [row]: Record<string, unknown>[] = await em.query(`SELECT ${ACCOUNT_SERVICE_COLUMNS} FROM account_services s WHERE s.id = ?`, [
      id,
    ]);
    if (!row) throw new NotFoundException('Account service', id);
    return toAccountServiceRow(row);
  }

  private async describe(em: EntityManager, row: AccountServiceRow): Promise<AccountServiceResponseDto> {
    const lines = await this.recurring.linesFor(em, row);
    let name: string;
    let kind: string;
    let unitPrice: number;
    let downloadKbps: number | null = null;
    let uploadKbps: number | null = null;
    if (row.serviceId !== null) {
      const service = (await this.catalog.servicesByIds(em, [row.serviceId])).get(row.serviceId);
      name = service?.name ?? `Service ${row.serviceId}`;
      kind = service?.kind ?? 'recurring';
      unitPrice = service?.price ?? 0;
      downloadKbps = service?.downloadKbps ?? null;
      uploadKbps = service?.uploadKbps ?? null;
    } else {
      const pkg = await this.catalog.requirePackage(em, row.packageId as number, 'packageId');
      name = pkg.name;
      kind = 'package';
      unitPrice = pkg.items.reduce((s, i) => s + i.price * i.quantity, 0);
      const data = pkg.items.find((i) => i.service.kind === 'data');
      downloadKbps = data?.service.downloadKbps ?? null;
      uploadKbps = data?.service.uploadKbps ?? null;
    }
    return {
      id: row.id,
      accountId: row.accountId,
      serviceId: row.serviceId,
      packageId: row.packageId,
      name,
      kind,
      downloadKbps,
      uploadKbps,
      quantity: row.quantity,
      unitPrice,
      priceOverride: row.priceOverride,
      periodAmount: lines.reduce((s, l) => s + l.amount, 0),
      prorateOnAdd: row.prorateOnAdd,
      additionProrateDate: row.additionProrateDate,
      addedOn: row.addedOn,
      removedOn: row.removedOn,
      chargedThrough: row.chargedThrough,
    };
  }

  /**
   * Ends every service and package still on the account on `date`, each settled up
   * to that day, for a disconnection. Days used but not yet charged (billing in
   * arrears, or a period whose invoice was never made) are charged now, so the final
   * invoice carries them instead of a bill run that will not come; days paid ahead
   * come back as a credit when the configuration prorates removals. The caller holds
   * the family lock, has checked the period is open and writes the audit entry.
   * Returns each service as it was before it ended.
   */
  async endAllLocked(em: EntityManager, accountId: number, date: string): Promise<AccountServiceResponseDto[]> {
    const settings = await this.billingConfig.effective(em, accountId);
    const anchor = await this.billingConfig.anchorDay(em, accountId);
    const ended: AccountServiceResponseDto[] = [];
    for (const active of await this.recurring.activeRows(em, accountId)) {
      ended.push(await this.describe(em, active));
      // A service booked to start later never runs: it ends on the day it would have started.
      const on = active.addedOn > date ? active.addedOn : date;
      const row = await this.chargeUsedDays(em, active, on, anchor, settings);
      await this.end(em, row, on, settings.prorateServices, settings);
    }
    return ended;
  }

  /** Charges a service from the day after it was last charged up to `date`, one service period at a time, as an invoice would. */
  private async chargeUsedDays(
    em: EntityManager,
    row: AccountServiceRow,
    date: string,
    anchor: number,
    settings: BillingSettings,
  ): Promise<AccountServiceRow> {
    const from = row.chargedThrough !== null && row.chargedThrough > row.addedOn ? row.chargedThrough : row.addedOn;
    if (from >= date) return row;
    const ctx = await this.taxes.contextFor(em, row.accountId, { exempt: settings.taxExempt });
    const lines = await this.recurring.linesFor(em, row);
    const ending: AccountServiceRow = { ...row, removedOn: date, prorateOnRemove: settings.prorateServices };
    const lastPeriod = periodContaining(addDays(date, -1), anchor);
    const owed = chargesOwed(ending, lines, lastPeriod, settings, (amount, taxIds) => this.taxes.taxLines(ctx, amount, taxIds));
    for (const charge of owed?.charges ?? []) {
      await this.postings.insert(em, {
        accountId: row.accountId,
        kind: 'debit',
        side: 'debit',
        amount: charge.amount,
        taxes: charge.taxes,
        date,
        description: charge.description,
        serviceId: charge.serviceId,
        accountServiceId: row.id,
        quantity: charge.quantity,
        periodStart: charge.periodStart,
        periodEnd: charge.periodEnd,
      });
    }
    await em.query('UPDATE account_services SET charged_through = ? WHERE id = ?', [date, row.id]);
    return { ...row, chargedThrough: date };
  }

  /**
   * add() inside the caller's transaction, for callers that must commit their own record
   * together with the change (a scheduled event is marked done in the same commit as the
   * service it added, so a retried activity can never add it twice).
   */
  private async recordChange(em: EntityManager, change: AccountServiceChange): Promise<void> {
    for (const watcher of this.watchers ?? []) await watcher.recordIn(em, change);
  }

  private async announceChange(change: AccountServiceChange): Promise<void> {
    for (const watcher of this.watchers ?? []) await watcher.afterCommit(change);
  }

  async addLocked(em: EntityManager, dto: AddAccountServiceDto): Promise<AccountServiceResponseDto> {
    if ((dto.serviceId === undefined) === (dto.packageId === undefined)) {
      throw new BadInputException([{ field: 'serviceId', rule: 'oneOf', message: 'give either serviceId or packageId' }]);
    }
    if (dto.packageId !== undefined && dto.priceOverride !== undefined) {
      throw new BadInputException([
        { field: 'priceOverride', rule: 'servicesOnly', message: 'a package is priced by its services; override prices on services only' },
      ]);
    }
    await this.locks.lock(em, dto.accountId);
    if (dto.serviceId !== undefined) {
      const service = await this.catalog.requireService(em, dto.serviceId, 'serviceId');
      if (!RECURRING_KINDS.includes(service.kind)) {
        throw new BadInputException([
          {
            field: 'serviceId',
            rule: 'recurring',
            message: `${service.name} is a ${service.kind} service; post it as a one-time transaction instead`,
          },
        ]);
      }
      if (!service.active)
        throw new BadInputException([{ field: 'serviceId', rule: 'active', message: `${service.name} is no longer offered` }]);
    } else {
      const pkg = await this.catalog.requirePackage(em, dto.packageId as number, 'packageId');
      if (!pkg.active) throw new BadInputException([{ field: 'packageId', rule: 'active', message: `${pkg.name} is no longer offered` }]);
    }
    const date = dto.date ?? this.ledger.today();
    await this.billingConfig.assertOpen(em, date, 'A service addition');
    const settings = await this.billingConfig.effective(em, dto.accountId);
    const row = await this.start(em, { ...dto, quantity: dto.quantity ?? 1 }, date, dto.prorate ?? settings.prorateServices, settings);
    const after = await this.get(row.id, em);
    await this.audit.recordAction(em, {
      action: 'account_service.add',
      entityType: 'account_service',
      entityId: row.id,
      accountId: dto.accountId,
      before: null,
      after: { ...after },
    });
    await this.recordChange(em, { accountId: dto.accountId, accountServiceId: row.id, action: 'account_service.add' });
    return after;
  }

  /** remove() inside the caller's transaction; see addLocked. */
  async removeLocked(em: EntityManager, id: number, dto: RemoveAccountServiceDto): Promise<AccountServiceResponseDto> {
    const head = await this.requireRow(em, id);
    await this.locks.lock(em, head.accountId);
    const row = await this.requireRow(em, id);
    if (row.removedOn) throw new ConflictException(BillingErrorCode.ServiceRemoved, `This service was already removed on ${row.removedOn}`);
    const date = dto.date ?? this.ledger.today();
    assertNotBeforeAddition(row, date);
    await this.billingConfig.assertOpen(em, date, 'A service removal');
    const settings = await this.billingConfig.effective(em, row.accountId);
    const before = await this.describe(em, row);
    await this.end(em, row, date, dto.prorate ?? settings.prorateServices, settings);
    const after = await this.get(id, em);
    await this.audit.recordAction(em, {
      action: 'account_service.remove',
      entityType: 'account_service',
      entityId: id,
      accountId: row.accountId,
      before: { ...before },
      after: { ...after },
    });
    await this.recordChange(em, { accountId: row.accountId, accountServiceId: id, action: 'account_service.remove' });
    return after;
  }

  /**
   * A new unit price (or none: back to the catalogue's) from `date`, inside the caller's
   * transaction. Like a quantity change, the old line ends and a new one starts that day;
   * both are prorated when the configuration prorates services. Returns the new line.
   */
  async changePriceOverrideLocked(
    em: EntityManager,
    id: number,
    change: { priceOverride: number | null; prorate?: boolean; date?: string },
  ): Promise<AccountServiceResponseDto> {
    const head = await this.requireRow(em, id);
    await this.locks.lock(em, head.accountId);
    const row = await this.requireRow(em, id);
    if (row.removedOn) throw new ConflictException(BillingErrorCode.ServiceRemoved, `This service was removed on ${row.removedOn}`);
    if (row.serviceId === null) {
      throw new BadInputException([
        { field: 'priceOverride', rule: 'servicesOnly', message: 'a package is priced by its services; override prices on services only' },
      ]);
    }
    if (row.priceOverride === change.priceOverride) {
      throw new ConflictException(
        BillingErrorCode.PriceUnchanged,
        change.priceOverride === null ? 'This service has no price override to clear' : 'This service already has that price override',
      );
    }
    const date = change.date ?? this.ledger.today();
    assertNotBeforeAddition(row, date);
    await this.billingConfig.assertOpen(em, date, 'A price change');
    const settings = await this.billingConfig.effective(em, row.accountId);
    const prorate = change.prorate ?? settings.prorateServices;
    return this.replaceLine(em, row, { priceOverride: change.priceOverride }, date, prorate, settings, 'account_service.change_price');
  }

  /**
   * A change to a line's terms from `date`: the old line ends that day and a new one with the
   * change starts, each settled as the proration choice says; one audit entry names both.
   */
  private async replaceLine(
    em: EntityManager,
    row: AccountServiceRow,
    change: Partial<Pick<AccountServiceRow, 'quantity' | 'priceOverride'>>,
    date: string,
    prorate: boolean,
    settings: BillingSettings,
    action: string,
  ): Promise<AccountServiceResponseDto> {
    const before = await this.describe(em, row);
    await this.end(em, row, date, prorate, settings);
    const next = await this.start(em, { ...row, ...change }, date, prorate, settings);
    const after = await this.get(next.id, em);
    await this.audit.recordAction(em, {
      action,
      entityType: 'account_service',
      entityId: next.id,
      accountId: row.accountId,
      before: { ...before },
      after: { ...after, replaces: row.id },
    });
    return after;
  }
}
