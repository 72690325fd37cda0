import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccountServicesService } from '../billing/account-services.service';
import { BillingDocumentsService } from '../billing/billing-documents.service';
import { BillingFiguresService } from '../billing/billing-figures.service';
import { LedgerService } from '../billing/ledger.service';
import { NotFoundException } from '../common/errors';
import { formatMoney } from '../common/money';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { ContractMergeValues } from './contract-merge-fields';

/** The most services a contract lists; an account with more is a wholesale one, not a subscriber's agreement. */
const SERVICES_LISTED = 500;

interface AccountRow {
  id: number;
  name: string;
  service_line1: string;
  service_line2: string | null;
  service_city: string;
  service_region: string;
  service_postcode: string;
  service_country: string;
  mailing_line1: string | null;
  mailing_line2: string | null;
  mailing_city: string | null;
  mailing_region: string | null;
  mailing_postcode: string | null;
  mailing_country: string | null;
}

const oneLine = (parts: (string | null)[]): string => parts.filter((part): part is string => Boolean(part && part.trim())).join(', ');

/** "12 months", "1 month" or "no fixed term". */
export function termInWords(months: number | null): string {
  if (months === null) return 'no fixed term';
  return `${months} ${months === 1 ? 'month' : 'months'}`;
}

/**
 * What a contract is written from: the account as it stands on the day (its addresses, primary
 * contact, services with their prices and the next recurring charge) and the company.
 */
@Injectable()
export class ContractValuesService {
  constructor(
    private readonly services: AccountServicesService,
    private readonly documents: BillingDocumentsService,
    private readonly figures: BillingFiguresService,
    private readonly ledger: LedgerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async accountRow(em: EntityManager, accountId: number): Promise<AccountRow> {
    const [row]: AccountRow[] = await em.query(
      `SELECT id, name, service_line1, service_line2, service_city, service_region, service_postcode, service_country,
              mailing_line1, mailing_line2, mailing_city, mailing_region, mailing_postcode, mailing_country
         FROM accounts WHERE id = ?`,
      [accountId],
    );
    if (!row) throw new NotFoundException('Account', accountId);
    return row;
  }

  async values(em: EntityManager, accountId: number, contract: { name: string; termMonths: number | null }): Promise<ContractMergeValues> {
    const a = await this.accountRow(em, accountId);
    const service = oneLine([
      a.service_line1,
      a.service_line2,
      a.service_city,
      `${a.service_region} ${a.service_postcode}`,
      a.service_country,
    ]);
    const mailing =
      a.mailing_line1 === null
        ? service
        : oneLine([
            a.mailing_line1,
            a.mailing_line2,
            a.mailing_city,
            `${a.mailing_region ?? ''} ${a.mailing_postcode ?? ''}`,
            a.mailing_country,
          ]);
    const [contact]: { name: string; email: string | null; phone: string | null }[] = await em.query(
      `SELECT c.name, c.email, (SELECT p.number FROM contact_phones p WHERE p.contact_id = c.id ORDER BY p.id LIMIT 1) AS phone
         FROM contacts c WHERE c.account_id = ? AND c.is_primary = 1`,
      [accountId],
    );
    const today = this.ledger.today();
    const services = await this.services.list({ accountId }, 0, SERVICES_LISTED);
    const charge = await this.figures.nextRecurringCharge(em, accountId);
    const money = (cents: number) => formatMoney(cents, this.config.CURRENCY);
    const company = this.documents.company();
    return {
      text: {
        'account.id': String(a.id),
        'account.name': a.name,
        'account.service_address': service,
        'account.mailing_address': mailing,
        'account.next_recurring_charge': money(charge),
        'contact.name': contact?.name ?? '',
        'contact.email': contact?.email ?? '',
        'contact.phone': contact?.phone ?? '',
        'company.name': company.name,
        'company.address': company.addressLines.join(', '),
        'contract.name': contract.name,
        'contract.term': termInWords(contract.termMonths),
        'date.today': today,
      },
      services: services.items.map((s) => ({ name: s.name, quantity: s.quantity, price: money(s.periodAmount) })),
    };
  }
}
