import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { formatAddress } from '../account-page/account-page.service';
import { AccountStatusWriter } from '../accounts/account-status-writer';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { BillingConfigService } from '../billing-config/billing-config.service';
import { AccountServicesService } from '../billing/account-services.service';
import { FamilyLockService } from '../billing/family-lock.service';
import { FinalInvoiceService } from '../billing/final-invoice.service';
import { LedgerService } from '../billing/ledger.service';
import { Clock } from '../common/clock';
import { ConflictException, NotFoundException } from '../common/errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { transactionWithRetry } from '../database/transaction';
import { DisconnectStatusService } from './disconnect-status.service';
import { DisconnectAccountDto } from './dto/disconnect-account.dto';
import { DisconnectionResponseDto } from './dto/disconnection.dto';
import { DisconnectionErrorCode } from './disconnection.error-codes';

interface AccountRow {
  id: number;
  name: string;
  account_status_id: number;
  status_name: string;
  disconnected_at: Date | null;
  /** The billing date of its latest disconnection. */
  disconnected_on: string | null;
  service_line1: string;
  service_line2: string | null;
  service_city: string;
  service_region: string;
  service_postcode: string;
  service_country: string;
  service_latitude: string | null;
  service_longitude: string | null;
}

const LOG_COLUMNS = `d.id, d.account_id, d.disconnected_at, DATE_FORMAT(d.disconnected_on, '%Y-%m-%d') AS disconnected_on,
  d.disconnected_by, u.name AS disconnected_by_name, d.address_line1, d.address_line2, d.address_city, d.address_region,
  d.address_postcode, d.address_country, d.address_latitude, d.address_longitude, d.previous_status_id, d.previous_status_name,
  ps.color AS previous_status_color, d.status_id, d.status_name, s.color AS status_color, d.final_invoice_id,
  i.number AS invoice_number, i.total AS invoice_total, i.paid AS invoice_paid, d.reason`;

const LOG_FROM = `account_disconnections d
  LEFT JOIN staff_users u ON u.id = d.disconnected_by
  LEFT JOIN account_statuses ps ON ps.id = d.previous_status_id
  LEFT JOIN account_statuses s ON s.id = d.status_id
  LEFT JOIN invoices i ON i.id = d.final_invoice_id`;

const nullableNumber = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toDisconnectionResponse(r: Record<string, unknown>, currency: string): DisconnectionResponseDto {
  const address = {
    line1: r.address_line1 as string,
    line2: (r.address_line2 as string | null) ?? null,
    city: r.address_city as string,
    region: r.address_region as string,
    postcode: r.address_postcode as string,
    country: r.address_country as string,
    latitude: (r.address_latitude as string | null) ?? null,
    longitude: (r.address_longitude as string | null) ?? null,
  };
  const invoiceId = nullableNumber(r.final_invoice_id);
  return {
    id: Number(r.id),
    accountId: Number(r.account_id),
    disconnectedAt: r.disconnected_at as Date,
    disconnectedOn: r.disconnected_on as string,
    disconnectedBy: r.disconnected_by === null ? null : { id: Number(r.disconnected_by), name: (r.disconnected_by_name as string) ?? '' },
    address: { ...address, formatted: formatAddress(address) },
    previousStatus: {
      id: nullableNumber(r.previous_status_id),
      name: r.previous_status_name as string,
      color: (r.previous_status_color as string | null) ?? null,
    },
    status: { id: nullableNumber(r.status_id), name: r.status_name as string, color: (r.status_color as string | null) ?? null },
    finalInvoice:
      invoiceId === null
        ? null
        : {
            id: invoiceId,
            number: r.invoice_number as string,
            total: Number(r.invoice_total),
            remaining: Number(r.invoice_total) - Number(r.invoice_paid),
          },
    reason: (r.reason as string | null) ?? null,
    currency,
  };
}

/**
 * Disconnecting an account: its services end today, whatever was not yet invoiced
 * goes on a final invoice, it takes a status that does not count as active, and the
 * disconnection log keeps who did it, when, and the service address it left. The
 * account itself stays, with its history; accounts are never deleted.
 */
@Injectable()
export class DisconnectionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly locks: FamilyLockService,
    private readonly accountServices: AccountServicesService,
    private readonly finalInvoices: FinalInvoiceService,
    private readonly statuses: DisconnectStatusService,
    private readonly accountStatuses: AccountStatusWriter,
    private readonly ledger: LedgerService,
    private readonly billingConfig: BillingConfigService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One transaction under the family lock, so a failure at any step leaves the account as it was. */
  async disconnect(accountId: number, dto: DisconnectAccountDto, staff: AuthenticatedUser): Promise<DisconnectionResponseDto> {
    const reason = dto.reason?.trim() || null;
    return transactionWithRetry(this.db, async (em) => {
      await this.locks.lock(em, accountId);
      const account = await this.requireAccount(em, accountId);
      if (account.disconnected_at !== null) {
        throw new ConflictException(
          DisconnectionErrorCode.AccountDisconnected,
          `${account.name} was already disconnected on ${account.disconnected_on ?? account.disconnected_at.toISOString().slice(0, 10)}`,
        );
      }
      const status = await this.statuses.target(em, dto.statusId);
      const today = this.ledger.today();
      await this.billingConfig.assertOpen(em, today, 'A disconnection');

      const [{ last }]: { last: number }[] = await em.query('SELECT COALESCE(MAX(id), 0) AS last FROM transactions WHERE account_id = ?', [
        accountId,
      ]);
      const servicesEnded = await this.accountServices.endAllLocked(em, accountId, today);
      const finalInvoiceId = await this.finalInvoices.write(em, accountId, today);
      const written: { id: number }[] = await em.query('SELECT id FROM transactions WHERE account_id = ? AND id > ? ORDER BY id', [
        accountId,
        last,
      ]);

      const now = this.clock.now();
      await this.accountStatuses.markDisconnected(em, accountId, status.id, now);
      const insert: { insertId: number } = await em.query(
        `INSERT INTO account_disconnections (account_id, disconnected_at, disconnected_on, disconnected_by, address_line1, address_line2,
           address_city, address_region, address_postcode, address_country, address_latitude, address_longitude,
           previous_status_id, previous_status_name, status_id, status_name, final_invoice_id, reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          accountId,
          now,
          today,
          staff.id,
          account.service_line1,
          account.service_line2,
          account.service_city,
          account.service_region,
          account.service_postcode,
          account.service_country,
          account.service_latitude,
          account.service_longitude,
          account.account_status_id,
          account.status_name,
          status.id,
          status.name,
          finalInvoiceId,
          reason,
        ],
      );
      const after = await this.get(em, Number(insert.insertId));
      await this.audit.recordAction(em, {
        action: 'account.disconnect',
        entityType: 'account',
        entityId: accountId,
        accountId,
        before: { accountStatusId: Number(account.account_status_id), disconnectedAt: null, services: servicesEnded },
        after: {
          accountStatusId: status.id,
          disconnectedAt: now,
          disconnection: { ...after },
          servicesEnded: servicesEnded.map((s) => s.id),
          finalInvoiceId,
          transactions: written.map((t) => Number(t.id)),
        },
      });
      return after;
    });
  }

  /** The account's disconnection log, newest first. */
  async list(accountId: number): Promise<DisconnectionResponseDto[]> {
    await this.requireAccount(this.db.manager, accountId);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${LOG_COLUMNS} FROM ${LOG_FROM} WHERE d.account_id = ? ORDER BY d.disconnected_at DESC, d.id DESC`,
      [accountId],
    );
    return rows.map((r) => toDisconnectionResponse(r, this.config.CURRENCY));
  }

  private async get(em: EntityManager, id: number): Promise<DisconnectionResponseDto> {
    const [row]: Record<string, unknown>[] = await em.query(`SELECT ${LOG_COLUMNS} FROM ${LOG_FROM} WHERE d.id = ?`, [id]);
    if (!row) throw new NotFoundException('Disconnection', id);
    return toDisconnectionResponse(row, this.config.CURRENCY);
  }

  private async requireAccount(em: EntityManager, accountId: number): Promise<AccountRow> {
    const [row]: AccountRow[] = await em.query(
      `SELECT a.id, a.name, a.account_status_id, s.name AS status_name, a.disconnected_at,
              (SELECT DATE_FORMAT(d.disconnected_on, '%Y-%m-%d') FROM account_disconnections d
                WHERE d.account_id = a.id ORDER BY d.id DESC LIMIT 1) AS disconnected_on,
              a.service_line1, a.service_line2,
              a.service_city, a.service_region, a.service_postcode, a.service_country, a.service_latitude, a.service_longitude
         FROM accounts a JOIN account_statuses s ON s.id = a.account_status_id
        WHERE a.id = ?`,
      [accountId],
    );
    if (!row) throw new NotFoundException('Account', accountId);
    return row;
  }
}
