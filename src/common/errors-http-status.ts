import { HttpStatus } from '@nestjs/common';
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
import { InventoryErrorCode } from '../inventory/inventory.error-codes';
import { JobsErrorCode } from '../jobs/jobs.error-codes';
import { IpamErrorCode } from '../ipam/ipam.error-codes';
import { NightlyErrorCode } from '../nightly/nightly.error-codes';
import { PaymentsErrorCode } from '../payments/payments.error-codes';
import { RadiusErrorCode } from '../radius/radius.error-codes';
import { ScheduledEventsErrorCode } from '../scheduled-events/scheduled-events.error-codes';
import { TaxesErrorCode } from '../taxes/taxes.error-codes';
import { UsageErrorCode } from '../usage/usage.error-codes';
import { TicketsErrorCode } from '../tickets/tickets.error-codes';
import { InboundMailErrorCode } from '../inbound-mail/inbound-mail.error-codes';
import { TicketDeadlinesErrorCode } from '../ticket-deadlines/ticket-deadlines.error-codes';
import { UsersErrorCode } from '../users/users.error-codes';
import { WebhooksErrorCode } from '../webhooks/webhooks.error-codes';
import { VoiceErrorCode } from '../voice/voice.error-codes';
import { CommonErrorCode } from './common.error-codes';
import type { ErrorCode } from './errors-catalogue';

const { BAD_REQUEST, UNAUTHORIZED, PAYMENT_REQUIRED, FORBIDDEN, NOT_FOUND, CONFLICT, PAYLOAD_TOO_LARGE } = HttpStatus;
const { UNSUPPORTED_MEDIA_TYPE, UNPROCESSABLE_ENTITY, TOO_MANY_REQUESTS, BAD_GATEWAY, SERVICE_UNAVAILABLE } = HttpStatus;

/**
 * The HTTP status the exception filter answers each code with. A code is decided once here, so
 * the same rule broken on two routes answers the same way; the `satisfies` makes the type checker
 * refuse a code left out. 409 is a rule about the record's current state (retrying after a change
 * may pass), 422 a request that can never pass as sent, 503 a dependency that may answer later.
 */
export const HTTP_STATUS_OF = {
  [CommonErrorCode.NotFound]: NOT_FOUND,
  [CommonErrorCode.ValidationFailed]: BAD_REQUEST,
  [CommonErrorCode.IdempotencyKeyReused]: CONFLICT,

  [AccountsErrorCode.AccountOwnParent]: CONFLICT,
  [AccountsErrorCode.ParentCannotBecomeChild]: CONFLICT,
  [AccountsErrorCode.ChildCannotBeParent]: CONFLICT,
  [AccountsErrorCode.AccountTypeInUse]: CONFLICT,
  [AccountsErrorCode.AccountTypeNameTaken]: CONFLICT,
  [AccountsErrorCode.AccountStatusInUse]: CONFLICT,
  [AccountsErrorCode.AccountStatusNameTaken]: CONFLICT,
  [AccountsErrorCode.AccountGroupInUse]: CONFLICT,
  [AccountsErrorCode.AccountGroupNameTaken]: CONFLICT,

  [AuditErrorCode.ExportNotStarted]: SERVICE_UNAVAILABLE,
  [AuditErrorCode.ExportNotReady]: CONFLICT,

  [AuthErrorCode.Unauthenticated]: UNAUTHORIZED,
  [AuthErrorCode.Forbidden]: FORBIDDEN,
  [AuthErrorCode.InvalidCredentials]: UNAUTHORIZED,
  [AuthErrorCode.LoginThrottled]: TOO_MANY_REQUESTS,

  [BillRunsErrorCode.ParkedAccountResolved]: CONFLICT,

  [BillingErrorCode.NothingToInvoice]: CONFLICT,
  [BillingErrorCode.InvoiceVoid]: CONFLICT,
  [BillingErrorCode.InvoiceFrozen]: CONFLICT,
  [BillingErrorCode.InvoiceNotManual]: CONFLICT,
  [BillingErrorCode.InvoiceHasReversals]: CONFLICT,
  [BillingErrorCode.InvoiceLinked]: CONFLICT,
  [BillingErrorCode.InvoiceNotLinked]: CONFLICT,
  [BillingErrorCode.NotADebit]: CONFLICT,
  [BillingErrorCode.NotACredit]: CONFLICT,
  [BillingErrorCode.AlreadyReversed]: CONFLICT,
  [BillingErrorCode.AlreadyVoided]: CONFLICT,
  [BillingErrorCode.ReversalCannotBeVoided]: CONFLICT,
  [BillingErrorCode.UnusedDaysCredit]: CONFLICT,
  [BillingErrorCode.CorrectionBeforeOriginal]: UNPROCESSABLE_ENTITY,
  [BillingErrorCode.ServiceRemoved]: CONFLICT,
  [BillingErrorCode.PriceUnchanged]: CONFLICT,

  [BillingConfigErrorCode.AccountingPeriodClosed]: CONFLICT,
  [BillingConfigErrorCode.AccountingPeriodReopen]: CONFLICT,
  [BillingConfigErrorCode.AccountingPeriodBackwards]: CONFLICT,
  [BillingConfigErrorCode.ExclusionDateTaken]: CONFLICT,

  [CatalogErrorCode.PackageInUse]: CONFLICT,
  [CatalogErrorCode.PackageNameTaken]: CONFLICT,
  [CatalogErrorCode.ServiceInUse]: CONFLICT,
  [CatalogErrorCode.ServiceInPackage]: CONFLICT,
  [CatalogErrorCode.ServiceNameTaken]: CONFLICT,

  [ContactsErrorCode.PortalUsernameTaken]: CONFLICT,
  [ContactsErrorCode.PrimaryContactNeedsSuccessor]: CONFLICT,
  [ContactsErrorCode.MessageCategoryNameTaken]: CONFLICT,

  [ContractsErrorCode.TemplateInUse]: CONFLICT,
  [ContractsErrorCode.TemplateDisabled]: CONFLICT,
  [ContractsErrorCode.ContractSigned]: CONFLICT,
  [ContractsErrorCode.ContractState]: CONFLICT,
  [ContractsErrorCode.SigningLinkInvalid]: NOT_FOUND,
  [ContractsErrorCode.SigningNotConfigured]: SERVICE_UNAVAILABLE,
  [ContractsErrorCode.SigningProcessUnavailable]: SERVICE_UNAVAILABLE,
  [ContractsErrorCode.SigningThrottled]: TOO_MANY_REQUESTS,
  [AddressListsErrorCode.NameTaken]: CONFLICT,
  [DhcpErrorCode.ServerInUse]: CONFLICT,
  [DhcpErrorCode.ServerNameTaken]: CONFLICT,
  [InventoryErrorCode.Duplicate]: CONFLICT,
  [InventoryErrorCode.InUse]: CONFLICT,
  [IpamErrorCode.RangeOverlap]: CONFLICT,
  [IpamErrorCode.RangeInUse]: CONFLICT,
  [IpamErrorCode.AddressTaken]: CONFLICT,
  [IpamErrorCode.PoolExhausted]: CONFLICT,
  [IpamErrorCode.AssignmentRemoved]: CONFLICT,
  [RadiusErrorCode.UsernameTaken]: CONFLICT,
  [RadiusErrorCode.NasAddressTaken]: CONFLICT,
  [RadiusErrorCode.NasNameTaken]: CONFLICT,
  [RadiusErrorCode.AccountInUse]: CONFLICT,
  [UsageErrorCode.PolicyNameTaken]: CONFLICT,
  [UsageErrorCode.PolicyInUse]: CONFLICT,
  [UsageErrorCode.TopOffNotAllowed]: CONFLICT,

  [JobsErrorCode.JobTypeNameTaken]: CONFLICT,
  [JobsErrorCode.JobTypeInUse]: CONFLICT,
  [JobsErrorCode.TechnicianExists]: CONFLICT,
  [JobsErrorCode.TechnicianInUse]: CONFLICT,
  [JobsErrorCode.TechnicianDoubleBooked]: CONFLICT,
  [JobsErrorCode.JobStatusForbids]: CONFLICT,
  [JobsErrorCode.TicketWithoutAccount]: CONFLICT,
  [JobsErrorCode.RemindersUnavailable]: SERVICE_UNAVAILABLE,

  [TicketsErrorCode.StatusNameTaken]: CONFLICT,
  [TicketsErrorCode.StatusInUse]: CONFLICT,
  [TicketsErrorCode.DefaultStatusRequired]: CONFLICT,
  [TicketsErrorCode.GroupNameTaken]: CONFLICT,
  [TicketsErrorCode.GroupAddressTaken]: CONFLICT,
  [TicketsErrorCode.GroupInUse]: CONFLICT,
  [TicketsErrorCode.TicketMerged]: CONFLICT,
  [TicketsErrorCode.MergeCycle]: CONFLICT,
  [TicketsErrorCode.DifferentAccounts]: CONFLICT,
  [TicketsErrorCode.ParentCycle]: CONFLICT,
  [TicketsErrorCode.InternalTicketNoReply]: CONFLICT,
  [TicketsErrorCode.NoRecipients]: CONFLICT,
  [TicketsErrorCode.NoAccount]: CONFLICT,
  [TicketsErrorCode.AccountAlreadySet]: CONFLICT,

  [TicketDeadlinesErrorCode.HolidayDateTaken]: CONFLICT,
  [TicketDeadlinesErrorCode.TargetTaken]: CONFLICT,
  [TicketDeadlinesErrorCode.TimersUnavailable]: SERVICE_UNAVAILABLE,

  [CorrespondenceTemplatesErrorCode.NoRecipients]: UNPROCESSABLE_ENTITY,

  [CustomFieldsErrorCode.CustomFieldNameTaken]: CONFLICT,
  [CustomFieldsErrorCode.CustomFieldHasValues]: CONFLICT,
  [CustomFieldsErrorCode.CustomFieldOptionInUse]: CONFLICT,
  [CustomFieldsErrorCode.CustomFieldHasDuplicates]: CONFLICT,
  [CustomFieldsErrorCode.CustomFieldValuesTooLong]: CONFLICT,
  [CustomFieldsErrorCode.CustomFieldValueTaken]: CONFLICT,

  [DisconnectionErrorCode.AccountDisconnected]: CONFLICT,
  [DisconnectionErrorCode.DisconnectDefaultChanged]: CONFLICT,
  [DisconnectionErrorCode.NoDisconnectStatus]: CONFLICT,
  [DisconnectionErrorCode.DisconnectStatusActive]: CONFLICT,

  [ElevationErrorCode.SiteNameTaken]: CONFLICT,
  [ElevationErrorCode.TileRejected]: BAD_REQUEST,
  [ElevationErrorCode.TileDuplicate]: CONFLICT,
  [ElevationErrorCode.AccountWithoutCoordinates]: CONFLICT,
  [ElevationErrorCode.NoTerrain]: CONFLICT,
  [ElevationErrorCode.GroundUnknown]: CONFLICT,
  [ElevationErrorCode.PathNotProfilable]: UNPROCESSABLE_ENTITY,

  [EmailErrorCode.EmailStillQueued]: CONFLICT,
  [EmailErrorCode.ContactWithoutEmail]: UNPROCESSABLE_ENTITY,

  [FilesErrorCode.FileTooLarge]: PAYLOAD_TOO_LARGE,
  [FilesErrorCode.UnsupportedMediaType]: UNSUPPORTED_MEDIA_TYPE,
  [FilesErrorCode.UploadAborted]: BAD_REQUEST,

  [NightlyErrorCode.NightlyDateNotYet]: UNPROCESSABLE_ENTITY,

  [PaymentsErrorCode.ProcessorUnavailable]: BAD_GATEWAY,
  [PaymentsErrorCode.ProcessorRefused]: UNPROCESSABLE_ENTITY,
  [PaymentsErrorCode.PaymentFailed]: PAYMENT_REQUIRED,
  [PaymentsErrorCode.PaymentInProgress]: CONFLICT,
  [PaymentsErrorCode.PaymentReversed]: CONFLICT,
  [PaymentsErrorCode.PaymentNotRecorded]: CONFLICT,
  [PaymentsErrorCode.RefundImpossible]: CONFLICT,

  [ScheduledEventsErrorCode.EventClosed]: CONFLICT,
  [ScheduledEventsErrorCode.EventInProgress]: CONFLICT,
  [ScheduledEventsErrorCode.OneDataService]: CONFLICT,
  [ScheduledEventsErrorCode.RemovalAlreadyScheduled]: CONFLICT,
  [ScheduledEventsErrorCode.SchedulerUnavailable]: SERVICE_UNAVAILABLE,

  [TaxesErrorCode.TaxInUse]: CONFLICT,
  [TaxesErrorCode.TaxNameTaken]: CONFLICT,
  [TaxesErrorCode.TaxTypeInUse]: CONFLICT,
  [TaxesErrorCode.TaxTypeNameTaken]: CONFLICT,
  [TaxesErrorCode.TaxOverrideExists]: CONFLICT,

  [UsersErrorCode.EmailTaken]: CONFLICT,
  [UsersErrorCode.RoleInUse]: CONFLICT,
  [UsersErrorCode.RoleNameTaken]: CONFLICT,

  [WebhooksErrorCode.InvalidSignature]: BAD_REQUEST,
  [WebhooksErrorCode.MalformedEvent]: BAD_REQUEST,
  [WebhooksErrorCode.EventSettled]: CONFLICT,

  [InboundMailErrorCode.NotConfigured]: SERVICE_UNAVAILABLE,
  [InboundMailErrorCode.CheckUnavailable]: SERVICE_UNAVAILABLE,

  [VoiceErrorCode.RatePlanNameTaken]: CONFLICT,
  [VoiceErrorCode.RatePlanInUse]: CONFLICT,
  [VoiceErrorCode.DidNumberTaken]: CONFLICT,
  [VoiceErrorCode.DidNotAvailable]: CONFLICT,
  [VoiceErrorCode.DidAssigned]: CONFLICT,
  [VoiceErrorCode.NotAVoiceService]: UNPROCESSABLE_ENTITY,
  [VoiceErrorCode.VoiceServiceRemoved]: CONFLICT,
  [VoiceErrorCode.DidNotHeld]: CONFLICT,
  [VoiceErrorCode.CdrFileBusy]: CONFLICT,
  [VoiceErrorCode.CdrFolderUnavailable]: SERVICE_UNAVAILABLE,
} as const satisfies Record<ErrorCode, HttpStatus>;

/** The codes the filter answers with `status`, for exception classes tied to one status. */
export type CodeAnswering<S extends HttpStatus> = {
  [Code in ErrorCode]: (typeof HTTP_STATUS_OF)[Code] extends S ? Code : never;
}[ErrorCode];
