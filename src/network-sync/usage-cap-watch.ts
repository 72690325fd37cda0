import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { billingToday } from '../billing-config/billing-date';
import { serviceActiveOnCondition } from '../billing/recurring-charges';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { transactionWithRetry } from '../database/transaction';
import { NetworkChanges } from './network-changes';
import { NetworkSyncProcess } from './network-sync-process';
import { USAGE_CAPS, type UsageCaps } from './usage-caps';

export const CAP_REACHED = 'usage.cap_reached';

/**
 * Usage counted from accounting may take an account over a cap that slows it; that account's
 * provisioning pass then limits its RADIUS replies and its live sessions. Called by the accounting
 * ingestion after each batch commits, with the logins it counted: one query finds those among them
 * on a policy that slows at its cap and not limited yet, one more asks usage which reached it.
 */
@Injectable()
export class UsageCapWatch {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: NetworkChanges,
    private readonly provisioning: NetworkSyncProcess,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectPinoLogger('SessionEnforcement') private readonly logger: PinoLogger,
    @Optional() @Inject(USAGE_CAPS) private readonly caps: UsageCaps | null,
  ) {}

  /** Never throws: the usage is counted already, and the next batch or the nightly reconciliation looks again. */
  async accountingCounted(usernames: string[]): Promise<void> {
    if (!usernames.length || !this.caps) return;
    try {
      const today = billingToday(this.clock, this.config.BILLING_TIME_ZONE);
      const candidates: { account_id: number }[] = await this.db.query(
        `SELECT DISTINCT r.account_id FROM radius_accounts r
           JOIN account_services s ON s.account_id = r.account_id
           LEFT JOIN package_services ps ON ps.package_id = s.package_id
           JOIN services v ON v.id = COALESCE(s.service_id, ps.service_id)
           JOIN usage_policies p ON p.id = v.usage_policy_id
           LEFT JOIN session_enforcement_accounts e ON e.account_id = r.account_id
          WHERE r.username IN (?) AND v.kind = 'data' AND ${serviceActiveOnCondition('?')}
            AND p.at_cap = 'slow' AND p.cap_octets IS NOT NULL AND e.restriction IS NULL`,
        [[...new Set(usernames)], today, today],
      );
      if (!candidates.length) return;
      const over = [
        ...(await this.caps.overCap(
          this.db.manager,
          candidates.map((c) => Number(c.account_id)),
        )),
      ];
      if (!over.length) return;
      await transactionWithRetry(this.db, (em) =>
        this.changes.record(
          em,
          over.map((accountId) => ({ accountId, reason: CAP_REACHED })),
        ),
      );
      await this.provisioning.kick(over, CAP_REACHED);
    } catch (err) {
      this.logger.warn({ err }, 'Could not look for accounts that reached their usage cap after counting accounting');
    }
  }
}
