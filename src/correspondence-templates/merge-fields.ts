import type { FieldError } from '../common/errors';

/** Every field a template may name, with what it becomes; the admin shows this list beside the editor. */
export const MERGE_FIELDS = {
  'account.id': 'The account number',
  'account.name': 'The account name',
  'account.due_now': 'What the account owes on invoices due by today, with currency',
  'account.balance_due': 'What the account owes on all its open invoices, with currency',
  'account.available_credits': 'Credit the account holds that no invoice has used yet, with currency',
  'account.total_balance': 'Open invoices plus charges waiting for an invoice, with currency',
  'account.next_billing_date': 'The next date the account is billed (YYYY-MM-DD)',
  'contact.name': 'The name of the contact the message goes to',
  'company.name': 'Your company name',
  'invoice.number': 'Invoice number',
  'invoice.date': 'Invoice date (YYYY-MM-DD)',
  'invoice.due_date': 'Invoice due date (YYYY-MM-DD)',
  'invoice.total': 'Invoice total, with currency',
  'invoice.balance_due': 'What is still owed on the invoice, with currency',
  'statement.balance': "The account's balance on the statement date, with currency",
  'payment.amount': 'Payment amount, with currency',
  'payment.date': 'Payment date (YYYY-MM-DD)',
  'payment.method': 'card or bank debit',
  'payment.failure_reason': "The processor's reason a payment failed",
} as const;

export type MergeField = keyof typeof MERGE_FIELDS;

/** What a message is about; a field whose subject is missing renders empty. */
export type MergeValues = Partial<Record<MergeField, string>>;

const OPEN = '{{';
const CLOSE = '}}';

type Piece = { text: string } | { field: string; at: number };

/** Splits a template into literal text and `{{ field }}` references; an opening without its closing is reported. */
function parse(template: string): { pieces: Piece[]; unclosedAt: number | null } {
  const pieces: Piece[] = [];
  let from = 0;
  for (;;) {
    const open = template.indexOf(OPEN, from);
    if (open < 0) {
      pieces.push({ text: template.slice(from) });
      return { pieces, unclosedAt: null };
    }
    pieces.push({ text: template.slice(from, open) });
    const close = template.indexOf(CLOSE, open + OPEN.length);
    const nextOpen = template.indexOf(OPEN, open + OPEN.length);
    // "{{ a {{ b }}": the first one is the unclosed one, whatever follows.
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      pieces.push({ text: template.slice(open) });
      return { pieces, unclosedAt: open };
    }
    pieces.push({ field: template.slice(open + OPEN.length, close).trim(), at: open });
    from = close + CLOSE.length;
  }
}

const isMergeField = (name: string): name is MergeField => Object.prototype.hasOwnProperty.call(MERGE_FIELDS, name);

/**
 * Field errors for one template text against a set of known fields (`field` is the request field
 * it came from, e.g. bodyText); each kind of template (messages, contracts) has its own set.
 */
export function mergeFieldErrors(known: Readonly<Record<string, string>>, field: string, template: string): FieldError[] {
  const { pieces, unclosedAt } = parse(template);
  const errors: FieldError[] = [];
  for (const piece of pieces) {
    if ('field' in piece && !Object.prototype.hasOwnProperty.call(known, piece.field)) {
      const name = piece.field === '' ? '{{}}' : `{{${piece.field}}}`;
      errors.push({
        field,
        rule: 'mergeField',
        message: `${field} uses ${name}, which is not a merge field; known fields are ${Object.keys(known).join(', ')}`,
      });
    }
  }
  if (unclosedAt !== null) {
    const line = template.slice(0, unclosedAt).split('\n').length;
    const snippet = template.slice(unclosedAt, unclosedAt + 30).split('\n')[0];
    errors.push({ field, rule: 'unclosedMergeField', message: `${field} line ${line}: "${snippet}" opens {{ without a closing }}` });
  }
  return errors;
}

/** Fills in a template that passed mergeFieldErrors: each field becomes valueOf(field), the text around it stays as it is. */
export function fillTemplate(template: string, valueOf: (field: string) => string): string {
  return parse(template)
    .pieces.map((p) => ('text' in p ? p.text : valueOf(p.field)))
    .join('');
}

/** Field errors for one message template text. */
export function templateErrors(field: string, template: string): FieldError[] {
  return mergeFieldErrors(MERGE_FIELDS, field, template);
}

/** Fills in a message template that passed templateErrors. */
export function renderTemplate(template: string, values: MergeValues): string {
  return fillTemplate(template, (field) => (isMergeField(field) ? (values[field] ?? '') : ''));
}
