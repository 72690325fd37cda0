import type { FieldError } from '../common/errors';
import { fillTemplate, mergeFieldErrors } from '../correspondence-templates/merge-fields';
import { escapeHtml, sanitiseContractHtml } from './contract-html';

/** Every field a contract template may name, with what it becomes; the admin lists them beside the editor. */
export const CONTRACT_MERGE_FIELDS = {
  'account.id': 'The account number',
  'account.name': 'The account name',
  'account.service_address': 'Where the service is delivered, on one line',
  'account.mailing_address': 'Where mail goes (the service address when the account has no mailing address), on one line',
  'account.services': "A table of the account's services and packages with their prices for one billing period",
  'account.next_recurring_charge': "What the account's services charge for one whole period, taxes included, with currency",
  'contact.name': "The account's primary contact",
  'contact.email': "The primary contact's email address",
  'contact.phone': "The primary contact's first phone number",
  'company.name': 'Your company name',
  'company.address': 'Your company address, on one line',
  'contract.name': "The contract's name (its template's name)",
  'contract.term': 'The term, such as "12 months", or "no fixed term"',
  'date.today': 'The day the contract is written (YYYY-MM-DD)',
} as const;

export type ContractMergeField = keyof typeof CONTRACT_MERGE_FIELDS;

/** One line of the services table. */
export interface ContractServiceLine {
  name: string;
  quantity: number;
  /** One billing period for the whole quantity, formatted with its currency. */
  price: string;
}

/** What a contract is written from; text values are plain text, escaped when they are placed. */
export interface ContractMergeValues {
  text: Partial<Record<Exclude<ContractMergeField, 'account.services'>, string>>;
  services: ContractServiceLine[];
}

/** Field errors for a template body (400 naming the unknown field). */
export function contractTemplateErrors(field: string, body: string): FieldError[] {
  return mergeFieldErrors(CONTRACT_MERGE_FIELDS, field, body);
}

function servicesTable(lines: ContractServiceLine[]): string {
  if (!lines.length) return '<p><em>No services.</em></p>';
  const rows = lines
    .map((line) => `<tr><td>${escapeHtml(line.name)}</td><td>${line.quantity}</td><td>${escapeHtml(line.price)}</td></tr>`)
    .join('');
  return `<table><thead><tr><th>Service</th><th>Quantity</th><th>Price per period</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/**
 * The contract's document: the template's body with every field filled in. Values are escaped,
 * and the result is sanitised once more, so whatever an account's data holds cannot add markup.
 */
export function renderContractHtml(body: string, values: ContractMergeValues): string {
  const filled = fillTemplate(body, (field) => {
    if (field === 'account.services') return servicesTable(values.services);
    return escapeHtml(values.text[field as keyof ContractMergeValues['text']] ?? '');
  });
  return sanitiseContractHtml(filled);
}
