import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, LessThan } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { DomainException } from '../common/errors';
import { transactionWithRetry } from '../database/transaction';
import { AuditService } from '../audit/audit.service';
import { StaffUser } from '../users/staff-user.entity';
import { PermissionResolver } from '../users/permission-resolver';
import type { AuthenticatedUser } from './authenticated-user';
import { PasswordHasher } from './password-hasher';
import { StaffSession } from './staff-session.entity';

export const MAX_FAILED_LOGINS = 10;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so timing does not reveal which emails exist. */
  private dummyHash?: Promise<string>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    private readonly permissions: PermissionResolver,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Checks the password and opens a session. After MAX_FAILED_LOGINS failures
   * in a row the user is locked for LOGIN_LOCK_MINUTES, even with the right password.
   */
  async login(email: string, password: string): Promise<{ token: string; expiresAt: Date }> {
    const now = this.clock.now();
    const user = await this.db
      .getRepository(StaffUser)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.toLowerCase() })
      .getOne();

    if (!user) {
      await this.hasher.verify(await this.getDummyHash(), password);
      throw invalidCredentials();
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      throw new DomainException(
        'account_locked',
        `Too many failed logins; try again after ${user.lockedUntil.toISOString()}`,
        HttpStatus.LOCKED,
      );
    }

    const valid = await this.hasher.verify(user.passwordHash, password);
    if (!valid || !user.active) {
      await this.recordFailure(user.id, now);
      throw invalidCredentials();
    }

    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.SESSION_TTL_HOURS * 3_600_000);
    // Logins of many staff at once meet in the sessions index (the expired-session clean-up takes range locks).
    await transactionWithRetry(this.db, async (em) => {
      await em.update(StaffUser, { id: user.id }, { failedLoginAttempts: 0, lockedUntil: null, lastLoginAt: now });
      await em.insert(StaffSession, { tokenHash: hashToken(token), userId: user.id, createdAt: now, expiresAt });
      await em.delete(StaffSession, { userId: user.id, expiresAt: LessThan(now) });
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
    const row = await this.db
      .getRepository(StaffSession)
      .createQueryBuilder('s')
      .innerJoin(StaffUser, 'u', 'u.id = s.user_id')
      .select(['u.id AS id', 'u.email AS email', 'u.name AS name', 'u.active AS active', 's.expires_at AS expiresAt'])
      .where('s.token_hash = :hash', { hash: hashToken(token) })
      .getRawOne<{ id: number; email: string; name: string; active: number; expiresAt: Date }>();
    if (!row || !row.active || new Date(row.expiresAt) <= now) return null;
    return { id: row.id, email: row.email, name: row.name, permissions: await this.permissions.forUser(row.id) };
  }

  private async recordFailure(userId: number, now: Date): Promise<void> {
    await this.db.transaction(async (em) => {
      const user = await em.findOneOrFail(StaffUser, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      const attempts = user.failedLoginAttempts + 1;
      const locked = attempts >= MAX_FAILED_LOGINS;
      const lockedUntil = locked ? new Date(now.getTime() + this.config.LOGIN_LOCK_MINUTES * 60_000) : user.lockedUntil;
      await em.update(StaffUser, { id: userId }, { failedLoginAttempts: locked ? 0 : attempts, lockedUntil });
      await this.audit.recordAction(em, {
        action: locked ? 'lock' : 'login_failed',
        entityType: 'staff_user',
        entityId: userId,
        before: { failedLoginAttempts: user.failedLoginAttempts, lockedUntil: user.lockedUntil },
        after: { failedLoginAttempts: locked ? 0 : attempts, lockedUntil },
        actor: null,
      });
    });
  }

  private getDummyHash(): Promise<string> {
    this.dummyHash ??= this.hasher.hash(randomBytes(16).toString('hex'));
    return this.dummyHash;
  }
}

function invalidCredentials(): DomainException {
  return new DomainException('invalid_credentials', 'Email or password is wrong', HttpStatus.UNAUTHORIZED);
}
