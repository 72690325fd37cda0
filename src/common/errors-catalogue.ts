import { AccountsErrorCode } from '../accounts/accounts.error-codes';
import { AddressListsErrorCode } from '../address-lists/address-lists.error-codes';
import { AuditErrorCode } from '../audit/audit.error-codes';
import { AuthErrorCode } from '../auth/auth.error-codes';
import { BillRunsErrorCode } from '../bill-runs/bill-runs.error-codes';
import { BillingConfigErrorCode } from '../billing-config/billing-config.error-codes';
import { BillingErrorCode } from '../billing/billing.error-codes';
import { CatalogErrorCode } from '../catalog/catalog.error-codes';
import { ContactsErrorCode } from '../contacts/contacts.error-codes';
import { ContractsErrorCode } from '../contracts/contracts.error-codes';
import { CorrespondenceTemplatesErrorCode } from '../correspondence-templates/correspondence-templates.error-codes';
import { CustomFieldsErrorCode } from '../custom-fields/custom-fields.error-codes';
import { DhcpErrorCode } from '../dhcp/dhcp.error-codes';
import { DisconnectionErrorCode } from '../disconnection/disconnection.error-codes';
import { ElevationErrorCode } from '../elevation/elevation.error-codes';
import { EmailErrorCode } from '../email/email.error-codes';
import { FilesErrorCode } from '../files/files.error-codes';
import { InboundMailErrorCode } from '../inbound-mail/inbound-mail.error-codes';
import { InventoryErrorCode } from '../inventory/inventory.error-codes';
import { JobsErrorCode } from '../jobs/jobs.error-codes';
import { IpamErrorCode } from '../ipam/ipam.error-codes';
import { NightlyErrorCode } from '../nightly/nightly.error-codes';
import { PaymentsErrorCode } from '../payments/payments.error-codes';
import { RadiusErrorCode } from '../radius/radius.error-codes';
import { ScheduledEventsErrorCode } from '../scheduled-events/scheduled-events.error-codes';
import { TaxesErrorCode } from '../taxes/taxes.error-codes';
import { UsersErrorCode } from '../users/users.error-codes';
import { UsageErrorCode } from '../usage/usage.error-codes';
import { TicketsErrorCode } from '../tickets/tickets.error-codes';
import { TicketDeadlinesErrorCode } from '../ticket-deadlines/ticket-deadlines.error-codes';
import { WebhooksErrorCode } from '../webhooks/webhooks.error-codes';
import { VoiceErrorCode } from '../voice/voice.error-codes';
import { CommonErrorCode } from './common.error-codes';

/**
 * Every domain's error-code enum, by domain folder. A domain that adds an enum lists it here, and
 * then the type checker asks for the HTTP status of each of its codes in errors-http-status.ts.
 */
export const ERROR_CODE_ENUMS = {
  common: CommonErrorCode,
  accounts: AccountsErrorCode,
  'address-lists': AddressListsErrorCode,
  audit: AuditErrorCode,
  auth: AuthErrorCode,
  'bill-runs': BillRunsErrorCode,
  billing: BillingErrorCode,
  'billing-config': BillingConfigErrorCode,
  catalog: CatalogErrorCode,
  contacts: ContactsErrorCode,
  contracts: ContractsErrorCode,
  inventory: InventoryErrorCode,
  jobs: JobsErrorCode,
  ipam: IpamErrorCode,
  radius: RadiusErrorCode,
  'correspondence-templates': CorrespondenceTemplatesErrorCode,
  'custom-fields': CustomFieldsErrorCode,
  dhcp: DhcpErrorCode,
  disconnection: DisconnectionErrorCode,
  elevation: ElevationErrorCode,
  email: EmailErrorCode,
  files: FilesErrorCode,
  nightly: NightlyErrorCode,
  payments: PaymentsErrorCode,
  'scheduled-events': ScheduledEventsErrorCode,
  taxes: TaxesErrorCode,
  usage: UsageErrorCode,
  'inbound-mail': InboundMailErrorCode,
  tickets: TicketsErrorCode,
  'ticket-deadlines': TicketDeadlinesErrorCode,
  users: UsersErrorCode,
  webhooks: WebhooksErrorCode,
  voice: VoiceErrorCode,
} as const;

type EnumValues<E> = E[keyof E];

/** A code an API error may carry: a member of one domain's enum, never a free string. */
export type ErrorCode = {
  [Domain in keyof typeof ERROR_CODE_ENUMS]: EnumValues<(typeof ERROR_CODE_ENUMS)[Domain]>;
}[keyof typeof ERROR_CODE_ENUMS];

/** Every code, in domain order, as published in the OpenAPI document. */
export const ALL_ERROR_CODES: ErrorCode[] = Object.values(ERROR_CODE_ENUMS).flatMap((codes) => Object.values(codes) as ErrorCode[]);
