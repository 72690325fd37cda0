/** Records as the Backhaul API answers them. Dates are ISO 8601 strings. */

export interface StaffUser {
  id: number;
  email: string;
  name: string;
  active: boolean;
  roleIds: number[];
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What the users forms send: POST /api/users and PUT /api/users/:id. */
export interface StaffUserInput {
  email: string;
  name: string;
  active: boolean;
  roleIds: number[];
  /** Only sent when set; the edit form leaves it blank to keep the current one. */
  password?: string;
}

export interface Role {
  id: number;
  name: string;
  description: string;
  /** Permission ids, e.g. "users.manage". */
  permissions: string[];
  userCount: number;
}

export interface RoleInput {
  name: string;
  description: string;
  permissions: string[];
}

/** GET /api/permissions: the catalogue roles pick from. */
export interface PermissionDefinition {
  id: string;
  description: string;
}

export type AuditState = Record<string, unknown> | null;

export interface ActionHistoryEntry {
  id: number | string;
  actorUserId: number | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: AuditState;
  after: AuditState;
  requestId: string | null;
  createdAt: string;
}

export interface ViewHistoryEntry {
  id: number | string;
  userId: number;
  userEmail: string;
  entityType: string;
  entityId: string;
  viewedAt: string;
}

/** GET /api/auth/me */
export interface Me {
  id: number;
  email: string;
  name: string;
  roles: { id: number; name: string }[];
  permissions: string[];
}

/** The single error body every API route answers with. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: { field: string; rule: string; message: string }[];
  requestId?: string;
}

export interface AccountType {
  id: number;
  name: string;
  description: string;
}

export interface AccountStatus {
  id: number;
  name: string;
  countsAsActive: boolean;
  isDelinquency: boolean;
  /** `#rrggbb` */
  color: string;
}

export interface AccountGroup {
  id: number;
  name: string;
  description: string;
}

export interface MessageCategory {
  id: number;
  name: string;
  isDefault: boolean;
}

export const CUSTOM_FIELD_TYPES = ['text', 'integer', 'decimal', 'date', 'boolean', 'select'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export interface CustomFieldDefinition {
  id: number;
  name: string;
  type: CustomFieldType;
  required: boolean;
  unique: boolean;
  /** A regular expression; text fields only. */
  pattern: string | null;
  /** Choices; select fields only. */
  options: string[] | null;
  position: number;
  active: boolean;
}

export type CustomFieldValue = string | number | boolean | null;

export interface Address {
  line1: string;
  line2: string | null;
  city: string;
  region: string;
  postcode: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  /** Decimal strings with six places, never floats. */
  latitude: string | null;
  longitude: string | null;
}

export interface Account {
  id: number;
  name: string;
  accountTypeId: number;
  accountStatusId: number;
  groupIds: number[];
  parentAccountId: number | null;
  activatedAt: string | null;
  serviceAddress: Address;
  mailingAddress: Address | null;
  /** Keyed by custom field id. */
  customFields: Record<string, CustomFieldValue>;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/accounts and PUT /api/accounts/:id. */
export interface AccountInput {
  name: string;
  accountTypeId: number;
  accountStatusId: number;
  groupIds: number[];
  parentAccountId: number | null;
  serviceAddress: Address;
  mailingAddress: Address | null;
  customFields: Record<string, CustomFieldValue>;
}

/** GET /api/accounts/:id/header */
export interface AccountHeader {
  id: number;
  name: string;
  status: { id: number; name: string; color: string; countsAsActive: boolean; isDelinquency: boolean };
  type: { id: number; name: string };
  groups: { id: number; name: string }[];
  location: { formatted: string; latitude: string | null; longitude: string | null } | null;
  primaryContact: { id: number; name: string; email: string | null; mobile: string | null } | null;
  parent: { id: number; name: string } | null;
  children: { count: number; items: { id: number; name: string }[] };
  /** YYYY-MM-DD, from the billing figures. */
  nextBillingDate: string | null;
}

/** GET /api/accounts/:id/custom-fields */
export interface AccountCustomFieldValue {
  fieldId: number;
  name: string;
  type: CustomFieldType;
  value: CustomFieldValue;
}

export const SEARCH_MATCHES = ['id', 'name', 'contact', 'email', 'phone', 'address'] as const;

/** GET /api/search?q= */
export interface SearchResult {
  accountId: number;
  name: string;
  matched: (typeof SEARCH_MATCHES)[number];
  status: { name: string; color: string };
}

export const PHONE_TYPES = ['mobile', 'home', 'work', 'fax', 'other'] as const;
export type PhoneType = (typeof PHONE_TYPES)[number];

export interface Phone {
  type: PhoneType;
  /** E.164, e.g. +12175550100 */
  number: string;
  extension: string | null;
}

export interface Contact {
  id: number;
  accountId: number;
  name: string;
  role: string | null;
  email: string | null;
  language: string | null;
  isPrimary: boolean;
  phones: Phone[];
  messageCategoryIds: number[];
  portalUsername: string | null;
  hasPortalPassword: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AccountNote {
  id: number;
  accountId: number;
  authorUserId: number | null;
  authorName: string | null;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface AccountTask {
  id: number;
  accountId: number;
  title: string;
  description: string | null;
  assignedUserId: number | null;
  assignedUserName: string | null;
  /** YYYY-MM-DD */
  dueDate: string | null;
  completed: boolean;
  completedAt: string | null;
  completedByUserId: number | null;
  completedByName: string | null;
  createdByUserId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface AccountFile {
  id: number;
  accountId: number;
  name: string;
  sizeBytes: number;
  mimeType: string;
  hasThumbnail: boolean;
  uploadedByUserId: number | null;
  uploadedByName: string | null;
  createdAt: string;
}

/* Billing. Every amount is an integer number of minor units (cents); dates of the ledger are YYYY-MM-DD. */

/** GET /api/accounts/:id/billing-figures */
export interface BillingFigures {
  dueNow: number;
  balanceDue: number;
  availableCredits: number;
  totalBalance: number;
  nextRecurringCharge: number;
  /** Charges (with tax) still waiting for an invoice. */
  uninvoiced: number;
  /** YYYY-MM-DD: the next date a bill run invoices the account. */
  nextBillingDate: string | null;
  /** ISO 4217 */
  currency: string;
}

export interface Invoice {
  id: number;
  accountId: number;
  accountName: string;
  number: string;
  invoiceDate: string;
  dueDate: string;
  periodStart: string | null;
  /** Last day covered, inclusive. */
  periodEnd: string | null;
  months: number;
  total: number;
  taxTotal: number;
  paid: number;
  remaining: number;
  /** Still owed on child invoices linked to this one. */
  childRemaining: number;
  frozen: boolean;
  delinquent: boolean;
  void: boolean;
  manual: boolean;
  message: string | null;
  parentInvoiceId: number | null;
  parentInvoiceNumber: string | null;
  parentAccountId: number | null;
  createdAt: string;
}

export const TRANSACTION_KINDS = ['debit', 'discount', 'payment', 'adjustment', 'void'] as const;
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

export const PAYMENT_METHODS = ['cash', 'check', 'wire'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export interface TransactionTax {
  taxId: number;
  taxName: string;
  /** Percent × 10 000 */
  rateE4: number;
  amount: number;
}

export interface Transaction {
  id: number;
  accountId: number;
  kind: TransactionKind;
  /** A debit raises what the account owes, a credit lowers it. */
  side: 'debit' | 'credit';
  /** Before taxes. */
  amount: number;
  taxAmount: number;
  total: number;
  date: string;
  description: string;
  serviceId: number | null;
  quantity: number | null;
  paymentMethod: string | null;
  reference: string | null;
  invoiceId: number | null;
  correctsTransactionId: number | null;
  correctedByTransactionId: number | null;
  /** Credit still free to pay invoices (credits only). */
  unapplied: number;
  /** Running balance after this transaction. */
  balance: number;
  taxes: TransactionTax[];
}

/** GET /api/invoices/:id/transactions */
export interface InvoiceTransactions {
  charges: Transaction[];
  credits: (Transaction & { appliedAmount: number })[];
}

/** GET /api/transactions/:id/applications */
export interface CreditApplication {
  id: number;
  invoiceId: number;
  invoiceNumber: string;
  amount: number;
  appliedAt: string;
  removedAt: string | null;
  removedReason: string | null;
}

/** POST /api/payments, /api/transactions/one-time, /api/transactions/adjustments and corrections. */
export interface PostedTransaction {
  transaction: Transaction;
  applied: { creditId: number; invoiceId: number; amount: number }[];
}

export interface AccountService {
  id: number;
  accountId: number;
  serviceId: number | null;
  packageId: number | null;
  name: string;
  kind: 'recurring' | 'data' | 'voice' | 'package';
  downloadKbps: number | null;
  uploadKbps: number | null;
  quantity: number;
  /** Catalogue unit price. */
  unitPrice: number;
  priceOverride: number | null;
  /** One period for the whole quantity, before taxes. */
  periodAmount: number;
  prorateOnAdd: boolean;
  /** The day proration of the first period started from. */
  additionProrateDate: string | null;
  addedOn: string;
  removedOn: string | null;
  /** Charged up to (not including) this day. */
  chargedThrough: string | null;
}

/** GET /api/accounts/:id/child-accounts */
export interface ChildAccount {
  id: number;
  name: string;
  status: string;
  /** Owed on the child's invoices linked to the parent's. */
  linkedRemaining: number;
}

/** GET /api/billing/books */
export interface BooksReport {
  accounts: number;
  invoices: number;
  transactions: number;
  mismatches: { check: string; entity: string; accountId: number | null; expected: string; actual: string }[];
}

/* Catalogue */

export const SERVICE_KINDS = ['recurring', 'one_time', 'data', 'voice', 'adjustment'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
/** Billed every period; only these go on accounts as services or into packages. */
export const RECURRING_KINDS: readonly ServiceKind[] = ['recurring', 'data', 'voice'];

export interface CatalogService {
  id: number;
  name: string;
  kind: ServiceKind;
  adjustmentSide: 'debit' | 'credit' | null;
  /** Per unit. */
  price: number;
  downloadKbps: number | null;
  uploadKbps: number | null;
  ledgerCode: string;
  active: boolean;
  taxIds: number[];
}

export interface CatalogPackage {
  id: number;
  name: string;
  active: boolean;
  /** One package for one period: the sum of price × quantity. */
  total: number;
  items: { serviceId: number; quantity: number; price: number; service: CatalogService }[];
}

/* Taxes */

export interface TaxType {
  id: number;
  name: string;
}

export interface Tax {
  id: number;
  name: string;
  taxTypeId: number;
  taxTypeName: string;
  /** Percent × 10 000: 8.25 % is 82 500. */
  rateE4: number;
  active: boolean;
  /** Has zones, so it applies only to accounts whose service location is inside one. */
  geographic: boolean;
  zoneCount: number;
}

/** GeoJSON, coordinates as [longitude, latitude]. */
export type ZoneGeometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

export interface TaxZone {
  id: number;
  name: string;
  taxId: number;
  taxName: string;
  geometry: ZoneGeometry;
}

/** GET /api/accounts/:id/geo-taxes: a geographic tax whose zones contain the account's service address. */
export interface GeoTax {
  taxId: number;
  taxName: string;
  taxTypeName: string;
  rateE4: number;
  /** An inactive tax is listed but charged nowhere. */
  active: boolean;
  zones: { id: number; name: string }[];
}

export interface TaxOverride {
  id: number;
  accountId: number;
  taxId: number;
  taxName: string;
  /** The rate everyone else pays. */
  taxRateE4: number;
  /** `exempt` removes the tax from the account; `rate` charges it at rateE4 instead. */
  kind: 'rate' | 'exempt';
  rateE4: number | null;
}

/* Billing configuration */

export interface BillingSettings {
  billingMode: 'fixed' | 'anniversary';
  billDay: number;
  invoiceDay: number;
  billTiming: 'advance' | 'arrears';
  autopayDays: number;
  dueDays: number;
  graceDays: number;
  statusSwitchDays: number;
  daysCountedFrom: 'bill' | 'invoice';
  lateFeeServiceId: number | null;
  lateFeeKind: 'fixed' | 'percent';
  lateFeeAmount: number;
  lateFeeRateE4: number;
  lateFeeMinimumOverdue: number;
  delinquentStatusId: number | null;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  delinquencyWeekdays: number[];
  prorateServices: boolean;
  prorateServiceQuantity: boolean;
  prorateStatusChange: boolean;
  prorateBillDayChange: boolean;
  /** `unit`: whole currency units. */
  prorationRounding: 'cent' | 'unit';
  billMode: 'invoice' | 'statement';
  printedInvoice: boolean;
  emailInvoices: boolean;
  taxExempt: boolean;
  invoiceMessage: string | null;
}

export type BillingSettingKey = keyof BillingSettings;
export type SettingSource = 'system' | 'account_type' | 'account';

/** null means "inherit". */
export type BillingOverrides = { [K in BillingSettingKey]?: BillingSettings[K] | null };

/** GET /api/accounts/:id/billing-config */
export interface AccountBillingConfig {
  effective: BillingSettings;
  overrides: BillingOverrides;
  sources: Record<BillingSettingKey, SettingSource>;
}

/** GET /api/accounting-period */
export interface AccountingPeriod {
  closeDate: string | null;
  autoClose: boolean;
  autoCloseAfterDays: number;
}
