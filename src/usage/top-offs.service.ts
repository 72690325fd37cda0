import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { FamilyLockService } from '../billing/family-lock.service';
import { LedgerService } from '../billing/ledger.service';
import { ConflictException, NotFoundException } from '../common/errors';
import { requestContext } from '../common/request-context';
import { transactionWithRetry } from '../database/transaction';
import { NetworkSyncProcess } from '../network-sync/network-sync-process';
import type { TopOffResultDto } from './dto/usage.dto';
import { UsageCapHeadroom } from './cap-headroom';
import { UsageAllowanceService } from './usage-allowance.service';
import { periodDays } from './usage-period';
import { octetsToGb } from './usage-policy';
import { UsageErrorCode } from './usage.error-codes';

/** Buying more data for the current period: the policy's top-off service is charged at once and the period's cap grows. */
@Injectable()
export class TopOffsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly allowance: UsageAllowanceService,
    private readonly ledger: LedgerService,
    private readonly locks: FamilyLockService,
    private readonly audit: AuditService,
    private readonly network: NetworkSyncProcess,
    private readonly headroom: UsageCapHeadroom,
  ) {}

  async topOff(accountId: number): Promise<TopOffResultDto> {
    const result = await transactionWithRetry(this.db, async (em) => {
      await this.locks.lock(em, accountId);
      const standing = (await this.allowance.standings(em, [accountId])).get(accountId);
      if (!standing) throw new NotFoundException('Account', accountId);
      const policy = standing.policy;
      if (!policy?.topOffsAllowed || !policy.topOffOctets || !policy.topOffServiceId) {
        throw new ConflictException(
          UsageErrorCode.TopOffNotAllowed,
          standing.dataService
            ? `The data service ${standing.dataService.name} has no usage policy that allows top-offs`
            : 'The account has no data service to top off',
        );
      }
      const { period } = standing;
      const { first, last } = periodDays(period);
      const posted = await this.ledger.postOneTimeLocked(em, {
        accountId,
        serviceId: policy.topOffServiceId,
        description: `Data top off: ${octetsToGb(policy.topOffOctets)} GB for ${first} to ${last}`,
      });
      const res: { insertId: number } = await em.query(
        'INSERT INTO usage_top_offs (account_id, period_start, policy_id, octets, transaction_id, created_by) VALUES (?, ?, ?, ?, ?, ?)',
        [
          accountId,
          period.start,
          policy.id,
          policy.topOffOctets.toString(),
          posted.transaction.id,
          requestContext.current()?.actor?.userId ?? null,
        ],
      );
      const topOff = {
        topOffId: Number(res.insertId),
        transactionId: posted.transaction.id,
        octets: policy.topOffOctets.toString(),
        amount: posted.transaction.amount,
      };
      await this.audit.recordAction(em, {
        action: 'usage.top_off',
        entityType: 'usage_top_off',
        entityId: topOff.topOffId,
        accountId,
        before: null,
        after: { ...topOff, periodStart: period.start.toISOString(), policyId: policy.id },
      });
      await this.headroom.forget(em, { accountIds: [accountId] });
      return { topOff, slows: policy.atCap === 'slow' };
    });
    // A policy that slows at the cap may now have room again: the live session follows.
    if (result.slows) await this.network.kick([accountId], 'usage.top_off');
    return result.topOff;
  }
}
