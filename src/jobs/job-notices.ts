import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EmailService } from '../email/email.service';

/** A reminder whose time has passed still goes out while the visit is at least this far away; closer, the confirmation was enough. */
export const LATE_REMINDER_MIN_AHEAD_MS = 60 * 60_000;

/**
 * When a job starting at `startsAt` is to be reminded of: `leadMinutes` before it;
 * at once when that moment has passed but the visit is still more than an hour
 * away; otherwise never (null).
 */
export function reminderTime(startsAt: Date, leadMinutes: number, now: Date): Date | null {
  const at = startsAt.getTime() - leadMinutes * 60_000;
  if (at > now.getTime()) return new Date(at);
  if (startsAt.getTime() - now.getTime() > LATE_REMINDER_MIN_AHEAD_MS) return now;
  return null;
}

/** What the subscriber's emails about a visit say. */
export interface VisitFacts {
  jobId: number;
  accountId: number;
  accountName: string;
  jobTypeName: string;
  startsAt: Date;
  endsAt: Date;
}

interface Recipient {
  contactId: number;
  email: string;
}

export type NoticeKind = 'confirmation' | 'reminder';

/**
 * The emails a subscriber gets about a visit: a confirmation when it is booked or
 * moved, and a reminder before it. Both go to the account's primary contact (or, when
 * it has no address, the first contact that has one), queued inside the caller's
 * transaction under a key that makes a second queue of the same notice a no-op.
 */
@Injectable()
export class JobNotices {
  constructor(
    private readonly emails: EmailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Queues the notice; answers the email ids to start delivering after commit (none when nobody has an address). */
  async queueLocked(em: EntityManager, kind: NoticeKind, visit: VisitFacts, dedupeKey: string): Promise<number[]> {
    const recipient = await this.recipient(em, visit.accountId);
    if (!recipient) return [];
    const when = this.when(visit);
    const subject =
      kind === 'confirmation'
        ? `Your ${visit.jobTypeName} visit is booked for ${when}`
        : `Reminder: your ${visit.jobTypeName} visit is on ${when}`;
    const opening =
      kind === 'confirmation'
        ? `We have booked a ${visit.jobTypeName} visit for ${visit.accountName}.`
        : `This is a reminder of the ${visit.jobTypeName} visit booked for ${visit.accountName}.`;
    const text = [
      opening,
      '',
      `When: ${when} to ${this.time(visit.endsAt)}`,
      `Reference: job #${visit.jobId}`,
      '',
      'If this time no longer suits you, please reply to this email or call us so we can find another.',
    ].join('\n');
    return this.emails.queueLocked(em, [
      {
        accountId: visit.accountId,
        contactId: recipient.contactId,
        to: recipient.email,
        subject,
        text,
        related: { type: 'job', id: visit.jobId },
        dedupeKey,
      },
    ]);
  }

  /** Of these visits, the jobs whose reminder for that start time was queued already. */
  async remindersQueued(em: EntityManager, visits: { id: number; startsAt: Date }[]): Promise<Set<number>> {
    if (!visits.length) return new Set();
    const byKey = new Map(visits.map((v) => [noticeKeys.reminder(v.id, v.startsAt), v.id]));
    const rows: { dedupe_key: string }[] = await em.query('SELECT dedupe_key FROM emails WHERE dedupe_key IN (?)', [[...byKey.keys()]]);
    return new Set(rows.map((r) => byKey.get(r.dedupe_key) as number));
  }

  async startDelivery(ids: number[]): Promise<void> {
    await this.emails.startDeliveryLogged(ids);
  }

  private async recipient(em: EntityManager, accountId: number): Promise<Recipient | null> {
    const [row]: { id: number; email: string }[] = await em.query(
      `SELECT id, TRIM(email) AS email FROM contacts
        WHERE account_id = ? AND email IS NOT NULL AND TRIM(email) <> '' ORDER BY is_primary DESC, id LIMIT 1`,
      [accountId],
    );
    return row ? { contactId: Number(row.id), email: row.email } : null;
  }

  /**
   * A booking's time in the instance's zone, as a clerk reads it: "Tue, 1 Dec 2026, 09:00 UTC to 10:30",
   * with the end's date too when it falls on another day.
   */
  span(startsAt: Date, endsAt: Date): string {
    const day = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: this.config.BILLING_TIME_ZONE }).format(at);
    const end = day(startsAt) === day(endsAt) ? this.time(endsAt) : this.when({ startsAt: endsAt });
    return `${this.when({ startsAt })} to ${end}`;
  }

  /** The visit's start in the instance's time zone, as a subscriber reads it: "Tue, 1 Dec 2026, 09:00". */
  private when(visit: Pick<VisitFacts, 'startsAt'>): string {
    return new Intl.DateTimeFormat('en-GB', {
      timeZone: this.config.BILLING_TIME_ZONE,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    }).format(visit.startsAt);
  }

  private time(at: Date): string {
    return new Intl.DateTimeFormat('en-GB', {
      timeZone: this.config.BILLING_TIME_ZONE,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(at);
  }
}

/** One confirmation per booking revision; one reminder per job and start time, however often the activity runs. */
export const noticeKeys = {
  confirmation: (jobId: number, revision: number) => `job-confirmation/${jobId}/${revision}`,
  reminder: (jobId: number, startsAt: Date) => `job-reminder/${jobId}/${startsAt.getTime()}`,
};
