import type { Type } from '@nestjs/common';
import { AuditActivities } from './audit/audit.activities';
import { AutopayActivities } from './autopay/autopay.activities';
import { BillRunActivities } from './bill-runs/bill-run.activities';
import { BillingConfigActivities } from './billing-config/billing-config.activities';
import { ContractSigningActivities } from './contracts/contract-signing.activities';
import { ContractTermsActivities } from './contracts/contract-terms.activities';
import { DelinquencyActivities } from './delinquency/delinquency.activities';
import { EmailActivities } from './email/email.activities';
import { InboundMailActivities } from './inbound-mail/inbound-mail.activities';
import { JobActivities } from './jobs/jobs.activities';
import { NetworkSyncActivities } from './network-sync/network-sync.activities';
import { NightlyActivities } from './nightly/nightly.activities';
import { ScheduledEventActivities } from './scheduled-events/scheduled-events.activities';
import { StripeEventActivities } from './webhooks/stripe-event.activities';
import { TaskQueueActivities } from './temporal/task-queue.activities';
import { TicketDeadlineActivities } from './ticket-deadlines/ticket-deadlines.activities';
import { UsageActivities } from './usage/usage.activities';
import { VoiceImportActivities } from './voice/voice-import.activities';
import { WebhookInboxActivities } from './webhooks/webhook-inbox.activities';

/** Injectables offering Temporal activities, each method marked with @Activity(). Each domain adds its class here. */
export const ACTIVITY_PROVIDERS: Type<object>[] = [
  AuditActivities,
  AutopayActivities,
  BillingConfigActivities,
  BillRunActivities,
  ContractSigningActivities,
  ContractTermsActivities,
  DelinquencyActivities,
  EmailActivities,
  InboundMailActivities,
  JobActivities,
  NetworkSyncActivities,
  NightlyActivities,
  ScheduledEventActivities,
  StripeEventActivities,
  TaskQueueActivities,
  TicketDeadlineActivities,
  UsageActivities,
  VoiceImportActivities,
  WebhookInboxActivities,
];
