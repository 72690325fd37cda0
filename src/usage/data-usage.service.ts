import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { FamilyLockService } from '../billing/family-lock.service';
import { CatalogService } from '../catalog/catalog.service';
import { BadInputException, NotFoundException } from '../common/errors';
import { requestContext } from '../common/request-context';
import { transactionWithRetry } from '../database/transaction';
import type { DataUsageDto, EditUsagePeriodDto, UsagePeriodDto } from './dto/usage.dto';
import { NetworkSyncProcess } from '../network-sync/network-sync-process';
import { UsageCapHeadroom } from './cap-headroom';
import { UsageAllowanceService, type UsageStanding } from './usage-allowance.service';
import { periodView } from './usage-period-view';
import { gbToOctets, octetsToGb } from './usage-policy';
import { UsagePoliciesService } from './usage-policies.service';
import type { PeriodFigures } from './period-usage';

const FIGURES = ['billableUpload', 'billableDownload', 'freeUpload', 'freeDownload'] as const;

const gbOf = (f: PeriodFigures) => Object.fromEntries(FIGURES.map((k) => [`${k}Gb`, octetsToGb(f[k])]));

/** The account's Data Usage card: its data service, its policy, the current period, and the hand correction of that period. */
@Injectable()
export class DataUsageService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly allowance: UsageAllowanceService,
    private readonly policies: UsagePoliciesService,
    private readonly catalog: CatalogService,
    private readonly locks: FamilyLockService,
    private readonly audit: AuditService,
    private readonly headroom: UsageCapHeadroom,
    private readonly network: NetworkSyncProcess,
  ) {}

  async summary(accountId: number): Promise<DataUsageDto> {
    const standing = await this.standing(accountId);
    const { dataService, policy } = standing;
    let topOff: DataUsageDto['topOff'] = null;
    if (policy?.topOffServiceId && policy.topOffOctets) {
      const service = (await this.catalog.servicesByIds(this.db.manager, [policy.topOffServiceId])).get(policy.topOffServiceId);
      if (service) {
        topOff = {
          allowed: policy.topOffsAllowed,
          octets: policy.topOffOctets.toString(),
          serviceId: service.id,
          serviceName: service.name,
          price: service.price,
        };
      }
    }
    return {
      dataService: dataService && {
        accountServiceId: dataService.accountServiceId,
        serviceId: dataService.serviceId,
        name: dataService.name,
        downloadKbps: dataService.downloadKbps,
        uploadKbps: dataService.uploadKbps,
      },
      policy: policy ? await this.policies.describe(policy) : null,
      current: this.currentView(standing),
      topOff,
    };
  }

  /**
   * Sets the current period's figures to what the clerk typed: a correction row holds the
   * difference from what was counted, so later usage still adds to them and the counted usage
   * itself is never changed.
   */
  async editCurrent(accountId: number, dto: EditUsagePeriodDto): Promise<UsagePeriodDto> {
    const target = {
      billableUpload: gbToOctets(dto.billableUploadGb),
      billableDownload: gbToOctets(dto.billableDownloadGb),
      freeUpload: gbToOctets(dto.freeUploadGb),
      freeDownload: gbToOctets(dto.freeDownloadGb),
    };
    const edited = await transactionWithRetry(this.db, async (em) => {
      await this.locks.lock(em, accountId);
      await this.headroom.forget(em, { accountIds: [accountId] });
      const before = (await this.allowance.standings(em, [accountId])).get(accountId);
      if (!before) throw new NotFoundException('Account', accountId);
      const delta = FIGURES.map((k) => target[k] - before.figures[k]);
      if (delta.every((d) => d === 0n)) {
        throw new BadInputException([{ field: 'body', rule: 'nothingToChange', message: 'the figures are already these' }]);
      }
      const res: { insertId: number } = await em.query(
        `INSERT INTO usage_adjustments (account_id, period_start, billable_upload_octets, billable_download_octets,
           free_upload_octets, free_download_octets, reason, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [accountId, before.period.start, ...delta.map(String), dto.reason.trim(), requestContext.current()?.actor?.userId ?? null],
      );
      const after = (await this.allowance.standings(em, [accountId])).get(accountId) as UsageStanding;
      await this.audit.recordAction(em, {
        action: 'usage.period_edit',
        entityType: 'usage_adjustment',
        entityId: Number(res.insertId),
        accountId,
        before: { periodStart: before.period.start.toISOString(), ...gbOf(before.figures) },
        after: { periodStart: after.period.start.toISOString(), ...gbOf(after.figures), reason: dto.reason.trim() },
      });
      return after;
    });
    // A policy that slows at the cap: the correction may put the account over it or back under.
    if (edited.policy?.atCap === 'slow') await this.network.kick([accountId], 'usage.period_edit');
    return this.currentView(edited);
  }

  private async standing(accountId: number): Promise<UsageStanding> {
    const standing = (await this.allowance.standings(this.db.manager, [accountId])).get(accountId);
    if (!standing) throw new NotFoundException('Account', accountId);
    return standing;
  }

  private currentView(s: UsageStanding): UsagePeriodDto {
    return periodView(s.period, true, s.figures, s.use, null);
  }
}
