import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccountLockService } from '../accounts/account-lock.service';
import { AuditService } from '../audit/audit.service';
import { addDays } from '../billing/billing-calendar';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { transactionWithRetry } from '../database/transaction';
import { AccountTasksService } from '../notes/account-tasks.service';
import { contractAuditState, contractById } from './contract-rows';

/** Contracts handled per transaction, so a night with thousands of expiries holds no lock for long. */
const CHUNK = 200;

export interface ContractTermsReview {
  /** Signed contracts whose term ended before the day, now marked expired. */
  expired: number;
  /** Renewal tasks left for contracts whose term ends within the notice period. */
  renewalTasks: number;
}

/**
 * The daily look at contract terms: a signed contract whose term has ended is marked expired, and
 * one nearing its end leaves a renewal task on its account, once. Safe to run again for the same
 * day: both steps only touch contracts not yet marked.
 */
@Injectable()
export class ContractTermsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: AccountLockService,
    private readonly audit: AuditService,
    private readonly tasks: AccountTasksService,
  ) {}

  async review(today: string): Promise<ContractTermsReview> {
    const review: ContractTermsReview = { expired: 0, renewalTasks: 0 };
    // The term runs through its expiry date: a contract expiring today is still in force today.
    for (;;) {
      const due: { id: number }[] = await this.db.query(
        `SELECT id FROM contracts WHERE state = 'signed' AND expires_on < ? ORDER BY id LIMIT ?`,
        [today, CHUNK],
      );
      if (!due.length) break;
      for (const { id } of due) if (await this.expire(Number(id), today)) review.expired += 1;
      if (due.length < CHUNK) break;
    }
    const noticeUntil = addDays(today, this.config.CONTRACT_RENEWAL_NOTICE_DAYS);
    let after = 0;
    for (;;) {
      const nearing: { id: number }[] = await this.db.query(
        `SELECT id FROM contracts WHERE state = 'signed' AND renewal_task_id IS NULL AND expires_on BETWEEN ? AND ? AND id > ?
          ORDER BY id LIMIT ?`,
        [today, noticeUntil, after, CHUNK],
      );
      if (!nearing.length) break;
      for (const { id } of nearing) if (await this.leaveRenewalTask(Number(id), today, noticeUntil)) review.renewalTasks += 1;
      after = Number(nearing[nearing.length - 1].id);
      if (nearing.length < CHUNK) break;
    }
    return review;
  }

  private async expire(id: number, today: string): Promise<boolean> {
    return transactionWithRetry(this.db, async (em) => {
      const found = await contractById(em, id);
      await this.accounts.lock(em, found.accountId);
      const before = await contractById(em, id, true);
      if (before.state !== 'signed' || before.expiresOn === null || before.expiresOn >= today) return false;
      await em.query(`UPDATE contracts SET state = 'expired' WHERE id = ?`, [id]);
      await this.audit.recordAction(em, {
        action: 'contract.expire',
        entityType: 'contract',
        entityId: id,
        accountId: before.accountId,
        before: contractAuditState(before),
        after: { ...contractAuditState(before), state: 'expired' },
      });
      return true;
    });
  }

  private async leaveRenewalTask(id: number, today: string, noticeUntil: string): Promise<boolean> {
    return transactionWithRetry(this.db, async (em) => {
      const found = await contractById(em, id);
      await this.accounts.lock(em, found.accountId);
      const contract = await contractById(em, id, true);
      const inNotice = contract.expiresOn !== null && contract.expiresOn >= today && contract.expiresOn <= noticeUntil;
      if (contract.state !== 'signed' || contract.renewalTaskId !== null || !inNotice || contract.createdByUserId === null) return false;
      const task = await this.tasks.createLocked(em, contract.createdByUserId, {
        accountId: contract.accountId,
        title: `Renew contract '${contract.name}'`,
        description: `Contract ${contract.id}, signed by ${contract.signerName}, expires on ${contract.expiresOn}.`,
        dueDate: contract.expiresOn,
      });
      await em.query('UPDATE contracts SET renewal_task_id = ? WHERE id = ?', [task.id, id]);
      return true;
    });
  }
}
