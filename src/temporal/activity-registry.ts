import type { INestApplicationContext, Type } from '@nestjs/common';
import { AuditActivities } from '../audit/audit.activities';
import { AutopayActivities } from '../autopay/autopay.activities';
import { BillRunActivities } from '../bill-runs/bill-run.activities';
import { BillingConfigActivities } from '../billing-config/billing-config.activities';
import { DelinquencyActivities } from '../delinquency/delinquency.activities';
import { EmailActivities } from '../email/email.activities';
import { NightlyActivities } from '../nightly/nightly.activities';
import { ScheduledEventActivities } from '../scheduled-events/scheduled-events.activities';
import { StripeEventActivities } from '../webhooks/stripe-event.activities';
import { TaskQueueActivities } from './task-queue.activities';

/** Injectables whose public methods are Temporal activities. Each domain adds its class here. */
export const ACTIVITY_PROVIDERS: Type<object>[] = [
  AuditActivities,
  AutopayActivities,
  BillingConfigActivities,
  BillRunActivities,
  DelinquencyActivities,
  EmailActivities,
  NightlyActivities,
  ScheduledEventActivities,
  StripeEventActivities,
  TaskQueueActivities,
];

/** Resolves each provider from Nest and binds its methods, so activities keep their dependencies. */
export function collectActivities(app: INestApplicationContext): Record<string, (...args: unknown[]) => Promise<unknown>> {
  const activities: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const type of ACTIVITY_PROVIDERS) {
    const instance = app.get(type) as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(type.prototype)) {
      const member = instance[name];
      if (name === 'constructor' || typeof member !== 'function') continue;
      if (activities[name]) throw new Error(`Activity ${name} is defined twice`);
      activities[name] = (member as (...args: unknown[]) => Promise<unknown>).bind(instance);
    }
  }
  return activities;
}
