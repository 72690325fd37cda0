import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { BillingFiguresService } from '../billing/billing-figures.service';
import { LedgerService } from '../billing/ledger.service';
import { NotFoundException } from '../common/errors';
import { ContactsService } from '../contacts/contacts.service';
import { CustomFieldDisplay, CustomFieldValuesService } from '../custom-fields/custom-field-values.service';
import { AccountHeaderDto } from './account-header.dto';

/** Children shown by name in the header; the rest are only counted. */
export const HEADER_CHILDREN = 10;

interface HeaderRow {
  id: number;
  name: string;
  statusId: number;
  statusName: string;
  color: string;
  countsAsActive: number | string;
  isDelinquency: number | string;
  typeId: number;
  typeName: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string;
  postcode: string;
  country: string;
  latitude: string | null;
  longitude: string | null;
  parentId: number | null;
  parentName: string | null;
  childCount: number | string;
  groups: string | null;
}

export function formatAddress(r: Pick<HeaderRow, 'line1' | 'line2' | 'city' | 'region' | 'postcode' | 'country'>): string {
  const regionPostcode = [r.region, r.postcode].filter(Boolean).join(' ');
  return [r.line1, r.line2, r.city, regionPostcode, r.country].filter(Boolean).join(', ');
}

/**
 * What the top of the account page shows, read in one query plus the primary contact, the first children,
 * and the next billing date from the billing figures.
 */
@Injectable()
export class AccountPageService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly contacts: ContactsService,
    private readonly customFields: CustomFieldValuesService,
    private readonly audit: AuditService,
    private readonly figures: BillingFiguresService,
    private readonly ledger: LedgerService,
  ) {}

  async header(id: number, viewer: AuthenticatedUser): Promise<AccountHeaderDto> {
    const [[row], children, primaryContact, nextBillingDate] = await Promise.all([
      this.db.query(
        `SELECT a.id, a.name, s.id AS statusId, s.name AS statusName, s.color, s.counts_as_active AS countsAsActive,
                s.is_delinquency AS isDelinquency, t.id AS typeId, t.name AS typeName,
                a.service_line1 AS line1, a.service_line2 AS line2, a.service_city AS city, a.service_region AS region,
                a.service_postcode AS postcode, a.service_country AS country,
                a.service_latitude AS latitude, a.service_longitude AS longitude,
                p.id AS parentId, p.name AS parentName,
                (SELECT COUNT(*) FROM accounts c WHERE c.parent_account_id = a.id) AS childCount,
                (SELECT JSON_ARRAYAGG(JSON_OBJECT('id', g.id, 'name', g.name))
                   FROM account_group_members m JOIN account_groups g ON g.id = m.group_id WHERE m.account_id = a.id) AS \`groups\`
           FROM accounts a
           JOIN account_statuses s ON s.id = a.account_status_id
           JOIN account_types t ON t.id = a.account_type_id
           LEFT JOIN accounts p ON p.id = a.parent_account_id
          WHERE a.id = ?`,
        [id],
      ) as Promise<HeaderRow[]>,
      this.db.query('SELECT id, name FROM accounts WHERE parent_account_id = ? ORDER BY id LIMIT ?', [id, HEADER_CHILDREN]) as Promise<
        { id: number; name: string }[]
      >,
      this.contacts.primaryContact(id),
      this.figures.nextBillingDate(this.db.manager, id, this.ledger.today()),
    ]);
    if (!row) throw new NotFoundException('Account', id);
    await this.audit.recordView('account', id, { userId: viewer.id, email: viewer.email });
    const groups = (typeof row.groups === 'string' ? JSON.parse(row.groups) : (row.groups ?? [])) as { id: number; name: string }[];
    return {
      id: Number(row.id),
      name: row.name,
      status: {
        id: Number(row.statusId),
        name: row.statusName,
        color: row.color,
        countsAsActive: Boolean(Number(row.countsAsActive)),
        isDelinquency: Boolean(Number(row.isDelinquency)),
      },
      type: { id: Number(row.typeId), name: row.typeName },
      groups: groups.map((g) => ({ id: Number(g.id), name: g.name })).sort((a, b) => a.id - b.id),
      location: { formatted: formatAddress(row), latitude: row.latitude, longitude: row.longitude },
      primaryContact,
      parent: row.parentId === null ? null : { id: Number(row.parentId), name: row.parentName as string },
      children: { count: Number(row.childCount), items: children.map((c) => ({ id: Number(c.id), name: c.name })) },
      nextBillingDate,
    };
  }

  async customFieldsOf(id: number): Promise<CustomFieldDisplay[]> {
    const [exists] = await this.db.query('SELECT 1 FROM accounts WHERE id = ?', [id]);
    if (!exists) throw new NotFoundException('Account', id);
    return this.customFields.describe(id);
  }
}
