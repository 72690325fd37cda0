import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export type SearchMatch = 'id' | 'invoice' | 'customField' | 'name' | 'contact' | 'email' | 'phone' | 'address';

export interface SearchHit {
  accountId: number;
  name: string;
  matched: SearchMatch;
  /** What exactly matched when it is not the account itself: the invoice number, or the custom field and its value. */
  matchedText: string | null;
  status: { name: string; color: string };
}

export const SEARCH_LIMIT = 20;
// InnoDB drops shorter tokens from FULLTEXT indexes (innodb_ft_min_token_size).
const MIN_TOKEN = 3;
const MIN_PHONE_DIGITS = 6;
// E.164 country codes are one to three digits and never start with 0.
const COUNTRY_CODES = Array.from({ length: 999 }, (_, i) => String(i + 1));

/** Words of the query as FULLTEXT tokens: anything that is not a letter or digit separates, so no boolean operator survives. */
export function searchTerms(q: string): string[] {
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

export function booleanQuery(terms: string[]): string | null {
  const usable = terms.filter((t) => t.length >= MIN_TOKEN);
  return usable.length ? usable.map((t) => `+${t}*`).join(' ') : null;
}

const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&');

interface Candidate {
  accountId: number;
  matched?: SearchMatch;
  matchedText?: string;
}

/** Longer than any invoice number or unique custom field value a clerk would type; longer queries skip those lookups. */
const MAX_IDENTIFIER = 255;

/**
 * The global account search. Each way of matching is a separate indexed lookup
 * (primary key, phone digits, email, name prefix, postcode, the FULLTEXT document), merged
 * in that order of precision, so a query never scans a table.
 */
@Injectable()
export class AccountSearchService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(q: string, limit = SEARCH_LIMIT): Promise<SearchHit[]> {
    const candidates = await this.candidates(q.trim(), limit);
    if (!candidates.length) return [];
    const ids = candidates.map((c) => c.accountId);
    const rows: { id: number; name: string; statusName: string; color: string }[] = await this.db.query(
      `SELECT a.id, a.name, s.name AS statusName, s.color
         FROM accounts a JOIN account_statuses s ON s.id = a.account_status_id
        WHERE a.id IN (?)`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    const needsDetail = candidates.filter((c) => !c.matched).map((c) => c.accountId);
    const contacts = needsDetail.length ? await this.contactsOf(needsDetail) : [];
    const terms = searchTerms(q);
    const hits: SearchHit[] = [];
    for (const c of candidates) {
      const row = byId.get(c.accountId);
      if (!row) continue;
      hits.push({
        accountId: c.accountId,
        name: row.name,
        matched:
          c.matched ??
          this.explain(
            terms,
            row.name,
            contacts.filter((x) => Number(x.accountId) === c.accountId),
          ),
        matchedText: c.matchedText ?? null,
        status: { name: row.statusName, color: row.color },
      });
    }
    return hits;
  }

  /** Ids of matching accounts, for the accounts list filter. */
  async matchingIds(q: string, limit: number): Promise<number[]> {
    return (await this.candidates(q.trim(), limit)).map((c) => c.accountId);
  }

  private async candidates(q: string, limit: number): Promise<Candidate[]> {
    const found = new Map<number, Candidate>();
    const add = (ids: number[], matched?: SearchMatch, texts: string[] = []) => {
      ids.forEach((id, i) => {
        if (found.size < limit && !found.has(id)) found.set(id, { accountId: id, matched, ...(texts[i] && { matchedText: texts[i] }) });
      });
    };
    if (!q) return [];

    if (/^\d{1,10}$/.test(q)) {
      const rows: { id: number }[] = await this.db.query('SELECT id FROM accounts WHERE id = ?', [Number(q)]);
      add(
        rows.map((r) => Number(r.id)),
        'id',
      );
    }

    // Identifiers that name one account: an invoice number, a value of a custom field that must be unique.
    // Both are point reads on unique keys (the number; the field and its value).
    if (q.length <= MAX_IDENTIFIER) {
      const invoices: { accountId: number; number: string }[] = await this.db.query(
        'SELECT account_id AS accountId, number FROM invoices WHERE number = ?',
        [q],
      );
      add(
        invoices.map((r) => Number(r.accountId)),
        'invoice',
        invoices.map((r) => r.number),
      );
      const values: { accountId: number; field: string; value: string }[] = await this.db.query(
        `SELECT v.account_id AS accountId, f.name AS field, v.value FROM custom_fields f
           JOIN custom_field_values v ON v.custom_field_id = f.id AND v.unique_value = ?
          WHERE f.is_unique = 1 AND f.active = 1 ORDER BY f.position, f.id LIMIT ?`,
        [q, limit],
      );
      add(
        values.map((r) => Number(r.accountId)),
        'customField',
        values.map((r) => `${r.field}: ${r.value}`),
      );
    }

    const digits = q.replace(/\D/g, '');
    if (/^[\d\s()+\-.]+$/.test(q) && digits.length >= MIN_PHONE_DIGITS) {
      // The stored digits carry the country code: the typed number is either a prefix
      // of them or follows a country code, and both are point or range reads on the index.
      const rows: { accountId: number }[] = await this.db.query(
        `SELECT DISTINCT c.account_id AS accountId FROM contact_phones p JOIN contacts c ON c.id = p.contact_id
          WHERE p.digits LIKE ? OR p.digits IN (?) LIMIT ?`,
        [`${digits}%`, COUNTRY_CODES.map((cc) => cc + digits), limit],
      );
      add(
        rows.map((r) => Number(r.accountId)),
        'phone',
      );
    }

    if (q.includes('@')) {
      const rows: { accountId: number }[] = await this.db.query(
        'SELECT DISTINCT account_id AS accountId FROM contacts WHERE email = ? LIMIT ?',
        [q.toLowerCase(), limit],
      );
      add(
        rows.map((r) => Number(r.accountId)),
        'email',
      );
    }

    if (found.size < limit) {
      const rows: { id: number }[] = await this.db.query('SELECT id FROM accounts WHERE name LIKE ? ORDER BY name, id LIMIT ?', [
        `${escapeLike(q)}%`,
        limit,
      ]);
      add(
        rows.map((r) => Number(r.id)),
        'name',
      );
    }

    // A postcode covers thousands of accounts; its own index answers it at once, where
    // FULLTEXT would rank every one of them before keeping twenty.
    if (found.size < limit && /^[\p{L}\p{N}][\p{L}\p{N} -]{1,18}$/u.test(q)) {
      const rows: { id: number }[] = await this.db.query('SELECT id FROM accounts WHERE service_postcode = ? ORDER BY id LIMIT ?', [
        q,
        limit,
      ]);
      add(
        rows.map((r) => Number(r.id)),
        'address',
      );
    }

    // An exact email names its account; the words of an address (example, com) would only add noise.
    const exactEmail = [...found.values()].some((c) => c.matched === 'email');
    const boolean = booleanQuery(searchTerms(q));
    if (boolean && found.size < limit && !exactEmail) {
      const rows: { accountId: number }[] = await this.db.query(
        `SELECT account_id AS accountId FROM account_search
          WHERE MATCH(document) AGAINST (? IN BOOLEAN MODE)
          ORDER BY MATCH(document) AGAINST (? IN BOOLEAN MODE) DESC, account_id LIMIT ?`,
        [boolean, boolean, limit],
      );
      add(rows.map((r) => Number(r.accountId)));
    }
    return [...found.values()];
  }

  private async contactsOf(accountIds: number[]) {
    const rows: { accountId: number; name: string; email: string | null; digits: string | null }[] = await this.db.query(
      `SELECT c.account_id AS accountId, c.name, c.email, GROUP_CONCAT(p.digits SEPARATOR ' ') AS digits
         FROM contacts c LEFT JOIN contact_phones p ON p.contact_id = c.id
        WHERE c.account_id IN (?) GROUP BY c.id`,
      [accountIds],
    );
    return rows;
  }

  /** Which part of the account the FULLTEXT hit came from, in the order a clerk would recognise it. */
  private explain(terms: string[], name: string, contacts: { name: string; email: string | null; digits: string | null }[]): SearchMatch {
    const covers = (text: string | null) => {
      if (!text) return false;
      const words = searchTerms(text);
      return terms.every((t) => words.some((w) => w.startsWith(t)));
    };
    if (covers(name)) return 'name';
    if (contacts.some((c) => covers(c.name))) return 'contact';
    if (contacts.some((c) => covers(c.email))) return 'email';
    if (contacts.some((c) => covers(c.digits))) return 'phone';
    return 'address';
  }
}
