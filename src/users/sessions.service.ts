import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, LessThan } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { transactionWithRetry } from '../database/transaction';
import { AuditService } from '../audit/audit.service';
import { InvalidCredentialsException } from '../auth/auth.exception';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { PasswordHasher } from '../auth/password-hasher';
import { SessionVerifier } from '../auth/session-verifier';
import { LoginKey, loginKey, LoginThrottle, normaliseEmail } from './login-throttle.service';
import { permissionsColumn, permissionSet } from './user-permissions';
import { StaffSession } from './staff-session.entity';
import { StaffUser } from './staff-user.entity';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Staff sign-in: passwords checked against the throttle, sessions opened, ended, and verified for auth's guard. */
@Injectable()
export class SessionsService implements SessionVerifier, OnModuleInit {
  /** Verified against when the email is unknown, so timing does not reveal which emails exist; made at start-up. */
  private dummyHash = '';

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly throttle: LoginThrottle,
  ) {}

  async onModuleInit(): Promise<void> {
    this.dummyHash = await this.hasher.hash(randomBytes(16).toString('hex'));
  }

  /**
   * Checks the password and opens a session. Every attempt passes the throttle
   * first, and an unknown email costs the same hash check and the same writes as
   * a known one, so neither the answer nor its timing tells which emails exist.
   */
  async login(email: string, password: string, clientIp: string | undefined): Promise<{ token: string; expiresAt: Date }> {
    const now = this.clock.now();
    const key = loginKey(email, clientIp);
    await this.throttle.admit(key, now);

    const user = await this.db
      .getRepository(StaffUser)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: normaliseEmail(email) })
      .getOne();
    const valid = await this.hasher.verify(user?.passwordHash ?? this.dummyHash, password);
    if (!user || !valid || !user.active) {
      await this.recordFailure(user, email, key, now);
      throw new InvalidCredentialsException();
    }

    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.SESSION_TTL_HOURS * 3_600_000);
    // Logins of many staff at once meet in the sessions index (the expired-session clean-up takes range locks).
    await transactionWithRetry(this.db, async (em) => {
      await em.update(StaffUser, { id: user.id }, { lastLoginAt: now });
      await em.insert(StaffSession, { tokenHash: hashToken(token), userId: user.id, createdAt: now, expiresAt });
      await em.delete(StaffSession, { userId: user.id, expiresAt: LessThan(now) });
      await this.throttle.forgetAddress(em, key);
      await this.audit.recordAction(em, {
        action: 'login',
        entityType: 'staff_user',
        entityId: user.id,
        actor: { userId: user.id, email: user.email },
      });
    });
    return { token, expiresAt };
  }

  async logout(token: string): Promise<void> {
    await this.db.getRepository(StaffSession).delete({ tokenHash: hashToken(token) });
  }

  /** The user behind a token, or null when the token is unknown, expired, or the user inactive. */
  async authenticate(token: string): Promise<AuthenticatedUser | null> {
    const now = this.clock.now();
    // Every request asks: the session, its user and the user's permissions in one round trip.
    const [row]: { id: number; email: string; name: string; active: number; expires_at: Date; permissions: unknown }[] =
      await this.db.query(
        `SELECT u.id, u.email, u.name, u.active, s.expires_at, ${permissionsColumn('u.id')} AS permissions
         FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id
        WHERE s.token_hash = ?`,
        [hashToken(token)],
      );
    if (!row || !row.active || new Date(row.expires_at) <= now) return null;
    return { id: Number(row.id), email: row.email, name: row.name, permissions: permissionSet(row.permissions) };
  }

  /**
   * Counts the failure and audits it: against the staff user when the email is
   * theirs, otherwise as a login attempt keyed by the email's hash, so attempts at
   * made-up emails stay visible too.
   */
  private async recordFailure(user: StaffUser | null, email: string, key: LoginKey, now: Date): Promise<void> {
    await transactionWithRetry(this.db, async (em) => {
      const counts = await this.throttle.countFailure(em, key, now);
      await this.audit.recordAction(em, {
        action: 'login_failed',
        ...(user
          ? { entityType: 'staff_user', entityId: user.id, after: { clientAddress: key.address, ...counts } }
          : { entityType: 'login', entityId: key.account, after: { email: normaliseEmail(email), clientAddress: key.address, ...counts } }),
        actor: null,
      });
    });
    await this.throttle.purgeExpired(now);
  }
}
