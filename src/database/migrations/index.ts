import { Accounts1795725000000 } from './1795725000000-accounts';
import { Billing1795730700000 } from './1795730700000-billing';
import { BillRunParking1795731200000 } from './1795731200000-bill-run-parking';
import { Autopay1795731500000 } from './1795731500000-autopay';
import { BillRuns1795730900000 } from './1795730900000-bill-runs';
import { BillingConfig1795730500000 } from './1795730500000-billing-config';
import { CallLogs1795732000000 } from './1795732000000-call-logs';
import { MessageTemplates1795731900000 } from './1795731900000-message-templates';
import { Catalog1795730400000 } from './1795730400000-catalog';
import { Delinquency1795730800000 } from './1795730800000-delinquency';
import { Disconnections1795731000000 } from './1795731000000-disconnections';
import { PaymentDisputes1795731700000 } from './1795731700000-payment-disputes';
import { PaymentRefunds1795731600000 } from './1795731600000-payment-refunds';
import { Payments1795731300000 } from './1795731300000-payments';
import { Platform1795718700000 } from './1795718700000-platform';
import { ScheduledEvents1795731100000 } from './1795731100000-scheduled-events';
import { Taxes1795730300000 } from './1795730300000-taxes';
import { WebhookEvents1795731400000 } from './1795731400000-webhook-events';
import { Emails1795731800000 } from './1795731800000-emails';
import { LoginThrottle1795732140000 } from './1795732140000-login-throttle';
import { NightlyRuns1795732100000 } from './1795732100000-nightly-runs';
import { InvoiceNumbering1795732110000 } from './1795732110000-invoice-numbering';
import { EffectiveBillingSettings1795732150000 } from './1795732150000-effective-billing-settings';
import { BillRunBatchWorker1795732160000 } from './1795732160000-bill-run-batch-worker';
import { DropStoredNextBillingDate1795732170000 } from './1795732170000-drop-stored-next-billing-date';
import { CustomFieldExample1795732180000 } from './1795732180000-custom-field-example';
import { DashboardFigures1795732190000 } from './1795732190000-dashboard-figures';
import { WebhookInbox1795732200000 } from './1795732200000-webhook-inbox';
import { StripeEventBatches1795732210000 } from './1795732210000-stripe-event-batches';
import { EmailBatches1795732220000 } from './1795732220000-email-batches';
import { Contracts1795732230000 } from './1795732230000-contracts';
import { Network1795732240000 } from './1795732240000-network';
import { InventoryDhcp1795732250000 } from './1795732250000-inventory-dhcp';
import { AddressLists1795732260000 } from './1795732260000-address-lists';
import { NetworkReconciliations1795732270000 } from './1795732270000-network-reconciliations';
import { IpPoolReleased1795732280000 } from './1795732280000-ip-pool-released';
import { Usage1795732290000 } from './1795732290000-usage';
import { UsagePolicies1795732300000 } from './1795732300000-usage-policies';
import { SessionEnforcement1795732310000 } from './1795732310000-session-enforcement';
import { UsageCapHeadroom1795732320000 } from './1795732320000-usage-cap-headroom';
import { Tickets1795732330000 } from './1795732330000-tickets';
import { EmailThreading1795732335000 } from './1795732335000-email-threading';
import { TicketDeadlines1795732340000 } from './1795732340000-ticket-deadlines';
import { InboundMail1795732350000 } from './1795732350000-inbound-mail';
import { Jobs1795732360000 } from './1795732360000-jobs';
import { Elevation1795732370000 } from './1795732370000-elevation';
import { Voice1795732380000 } from './1795732380000-voice';
import { VoiceImport1795732390000 } from './1795732390000-voice-import';
import { VoiceBilling1795732395000 } from './1795732395000-voice-billing';

/** In order of application. Listed explicitly so ts-jest and the compiled build see the same set. */
export const migrations = [
  Platform1795718700000,
  Accounts1795725000000,
  Taxes1795730300000,
  Catalog1795730400000,
  BillingConfig1795730500000,
  Billing1795730700000,
  Delinquency1795730800000,
  BillRuns1795730900000,
  Disconnections1795731000000,
  ScheduledEvents1795731100000,
  BillRunParking1795731200000,
  Payments1795731300000,
  WebhookEvents1795731400000,
  Autopay1795731500000,
  PaymentRefunds1795731600000,
  PaymentDisputes1795731700000,
  Emails1795731800000,
  MessageTemplates1795731900000,
  CallLogs1795732000000,
  NightlyRuns1795732100000,
  InvoiceNumbering1795732110000,
  LoginThrottle1795732140000,
  EffectiveBillingSettings1795732150000,
  BillRunBatchWorker1795732160000,
  DropStoredNextBillingDate1795732170000,
  CustomFieldExample1795732180000,
  DashboardFigures1795732190000,
  WebhookInbox1795732200000,
  StripeEventBatches1795732210000,
  EmailBatches1795732220000,
  Contracts1795732230000,
  Network1795732240000,
  InventoryDhcp1795732250000,
  AddressLists1795732260000,
  NetworkReconciliations1795732270000,
  IpPoolReleased1795732280000,
  Usage1795732290000,
  UsagePolicies1795732300000,
  SessionEnforcement1795732310000,
  UsageCapHeadroom1795732320000,
  Tickets1795732330000,
  EmailThreading1795732335000,
  TicketDeadlines1795732340000,
  InboundMail1795732350000,
  Jobs1795732360000,
  Elevation1795732370000,
  Voice1795732380000,
  VoiceImport1795732390000,
  VoiceBilling1795732395000,
];
