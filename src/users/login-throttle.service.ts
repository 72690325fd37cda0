import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { transactionWithRetry } from '../database/transaction';
import { LoginThrottledException } from '../auth/auth.exception';
import { clientAddressKey } from '../auth/client-address';
import { LoginThrottlePolicy, loginThrottlePolicy, waitAfterFailures } from './login-throttle-policy';

type Scope = 'account' | 'address';

/** Who a login attempt is counted against: the email as typed (hashed) and the client address. */
export interface LoginKey {
  account: string;
  address: string;
}

export interface FailureCounts {
  accountFailures: number;
  addressFailures: number;
  /** How long the next try from this address for this email must wait; 0 when it need not. */
  waitSeconds: number;
}

interface Counter {
  failures: number;
  blockedUntil: Date | null;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function loginKey(email: string, ip: string | undefined): LoginKey {
  return { account: createHash('sha256').update(normaliseEmail(email)).digest('hex'), address: clientAddressKey(ip) };
}

/**
 * Slows password guessing without letting a guesser lock anybody out. Failures
 * are counted per email and per client address, and each further try waits
 * longer. An address waits out its own count; it also waits out the email's
 * count once it has failed itself, so a clean address (the colleague at their
 * desk) still gets in while another one hammers the same email.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);
  private readonly policy: LoginThrottlePolicy;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.policy = loginThrottlePolicy(config);
  }

  /**
   * Refuses the attempt with LoginThrottledException while it must wait; otherwise
   * counts it against the address before the password is checked, so a burst of
   * parallel guesses is cut off as soon as the count says wait. A success takes
   * the count back (forgetAddress).
   */
  async admit(key: LoginKey, now: Date): Promise<void> {
    const blockedUntil = await transactionWithRetry(this.db, async (em) => {
      const address = await this.read(em, 'address', key.address, now, { lock: true });
      const account = address ? await this.read(em, 'account', key.account, now, { lock: false }) : null;
      const until = latest(address?.blockedUntil, account?.blockedUntil);
      if (until && until > now) return until;
      await this.count(em, 'address', key.address, address, now);
      return null;
    });
    if (blockedUntil) throw new LoginThrottledException(Math.max(1, Math.ceil((blockedUntil.getTime() - now.getTime()) / 1000)));
  }

  /** Counts a failed attempt against the email, inside the caller's transaction (which audits it). */
  async countFailure(em: EntityManager, key: LoginKey, now: Date): Promise<FailureCounts> {
    const account = await this.count(em, 'account', key.account, await this.read(em, 'account', key.account, now, { lock: true }), now);
    const address = await this.read(em, 'address', key.address, now, { lock: false });
    const until = latest(account.blockedUntil, address?.blockedUntil);
    return {
      accountFailures: account.failures,
      addressFailures: address?.failures ?? 0,
      waitSeconds: until && until > now ? (until.getTime() - now.getTime()) / 1000 : 0,
    };
  }

  /**
   * A success from an address clears its count. Email counts are left to run out:
   * someone could otherwise log in as themselves between guesses at a colleague.
   */
  async forgetAddress(em: EntityManager, key: LoginKey): Promise<void> {
    await em.query("DELETE FROM login_throttles WHERE scope = 'address' AND subject = ?", [key.address]);
  }

  /** Drops counters past their expiry. Expired rows are already ignored; this only keeps the table small. */
  async purgeExpired(now: Date): Promise<void> {
    try {
      await this.db.query('DELETE FROM login_throttles WHERE expires_at <= ? LIMIT 100', [now]);
    } catch (err) {
      // The next failed login purges again; a clean-up must never turn a 401 into a 500.
      this.logger.warn(`Could not purge expired login counters: ${String(err)}`);
    }
  }

  /**
   * The live counter, or null when there is none or it has expired. A locked read
   * first makes sure the row exists (an expired placeholder), because InnoDB cannot
   * lock a row that is not there and parallel first attempts would each count from zero.
   * Each transaction locks one counter only, the one it writes, so two of them never
   * wait on each other in a circle.
   */
  private async read(em: EntityManager, scope: Scope, subject: string, now: Date, { lock }: { lock: boolean }): Promise<Counter | null> {
    if (lock) {
      await em.query(
        `INSERT INTO login_throttles (scope, subject, failures, blocked_until, expires_at) VALUES (?, ?, 0, NULL, ?)
         ON DUPLICATE KEY UPDATE failures = failures`,
        [scope, subject, now],
      );
    }
    const [row] = (await em.query(
      `SELECT failures, blocked_until AS blockedUntil FROM login_throttles WHERE scope = ? AND subject = ? AND expires_at > ?${lock ? ' FOR UPDATE' : ''}`,
      [scope, subject, now],
    )) as { failures: number; blockedUntil: Date | null }[];
    return row ? { failures: Number(row.failures), blockedUntil: row.blockedUntil } : null;
  }

  private async count(em: EntityManager, scope: Scope, subject: string, current: Counter | null, now: Date): Promise<Counter> {
    const failures = (current?.failures ?? 0) + 1;
    const wait = waitAfterFailures(failures, this.policy);
    const blockedUntil = wait > 0 ? new Date(now.getTime() + wait) : null;
    const expiresAt = new Date(Math.max(now.getTime() + this.policy.windowMinutes * 60_000, blockedUntil?.getTime() ?? 0));
    await em.query(
      `INSERT INTO login_throttles (scope, subject, failures, blocked_until, expires_at) VALUES (?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE failures = VALUES(failures), blocked_until = VALUES(blocked_until), expires_at = VALUES(expires_at)`,
      [scope, subject, failures, blockedUntil, expiresAt],
    );
    return { failures, blockedUntil };
  }
}

function latest(...dates: (Date | null | undefined)[]): Date | null {
  return dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);
}
