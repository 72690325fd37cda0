import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotFoundException } from '../common/errors';
import { Account } from './account.entity';

/**
 * Every change to an account or anything hanging off it (contacts, custom
 * fields, notes, files) starts by locking the account row, so concurrent edits
 * of one account serialize and a failure leaves nothing half-written.
 */
@Injectable()
export class AccountLockService {
  async lock(em: EntityManager, accountId: number): Promise<Account> {
    const account = await em.findOne(Account, { where: { id: accountId }, lock: { mode: 'pessimistic_write' } });
    if (!account) throw new NotFoundException('Account', accountId);
    return account;
  }
}
