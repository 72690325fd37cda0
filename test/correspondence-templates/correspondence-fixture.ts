import { randomUUID } from 'node:crypto';
import type { BillingWorld } from '../billing/billing-world';
import type { TestApp } from '../support/test-app';

/** The category the migration made for billing mail, which the four seeded templates use. */
export async function billingCategoryId(sut: TestApp): Promise<number> {
  const [row]: { id: number }[] = await sut.db.query("SELECT id FROM message_categories WHERE name = 'Billing'");
  return Number(row.id);
}

/** A contact made through the API, ticking exactly the categories given. */
export async function addContact(
  w: BillingWorld,
  accountId: number,
  opts: { email: string | null; categoryIds: number[]; name?: string },
): Promise<{ id: number; name: string; email: string | null }> {
  const name = opts.name ?? `Contact ${randomUUID().slice(0, 8)}`;
  const res = await w.post('/api/contacts', { accountId, name, email: opts.email, messageCategoryIds: opts.categoryIds });
  if (res.status !== 201) throw new Error(`contact: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id as number, name, email: res.body.email as string | null };
}

/** Emails of an account straight from the table, oldest first: what was queued, whatever its delivery. */
export async function queuedEmails(
  sut: TestApp,
  accountId: number,
): Promise<
  {
    id: number;
    contactId: number | null;
    to: string;
    templateKey: string | null;
    dedupeKey: string | null;
    subject: string;
    text: string;
  }[]
> {
  const rows: Record<string, unknown>[] = await sut.db.query(
    `SELECT id, contact_id, to_address, template_key, dedupe_key, subject, body_text FROM emails WHERE account_id = ? ORDER BY id`,
    [accountId],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    contactId: r.contact_id === null ? null : Number(r.contact_id),
    to: r.to_address as string,
    templateKey: r.template_key as string | null,
    dedupeKey: r.dedupe_key as string | null,
    subject: r.subject as string,
    text: r.body_text as string,
  }));
}
