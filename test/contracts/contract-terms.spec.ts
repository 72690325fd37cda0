import { Permission } from '../../src/auth/permission';
import { addDays } from '../../src/billing/billing-calendar';
import { ContractTermsService } from '../../src/contracts/contract-terms.service';
import { createIsolatedTestApp } from '../support/isolated-database';
import type { TestApp } from '../support/test-app';
import { insertAccount } from '../notes/account-fixture';
import { writtenContract } from './contract-fixture';
import { drawnSignature } from './signature-fixture';

describe('contract terms: expiry and renewal tasks', () => {
  let sut: TestApp;
  let clerk: { id: number; token: string };

  beforeAll(async () => {
    // A database of its own: a review expires every contract of the day it is given.
    sut = await createIsolatedTestApp({ CONTRACT_RENEWAL_NOTICE_DAYS: '30' });
    clerk = await sut.userWith([Permission.ContractsRead, Permission.ContractsManage, Permission.ContractsConfigure]);
  });
  afterAll(() => sut.close());

  const signedContract = async (termMonths: number | null) => {
    const accountId = await insertAccount(sut, 'Term');
    const contract = await writtenContract(sut, clerk.token, accountId, { name: 'Term', bodyHtml: '<p>{{contract.term}}</p>', termMonths });
    const signed = await sut
      .http()
      .post(`/api/contracts/${contract.id}/sign`)
      .auth(clerk.token, { type: 'bearer' })
      .send({ name: 'Pat Term', signature: (await drawnSignature()).dataUrl, consent: true })
      .expect(200);
    return { accountId, id: signed.body.id as number, expiresOn: signed.body.expiresOn as string | null };
  };
  const state = async (id: number) =>
    (await sut.http().get(`/api/contracts/${id}`).auth(clerk.token, { type: 'bearer' }).expect(200)).body.state;
  const tasks = (accountId: number) => sut.db.query('SELECT title, due_date FROM account_tasks WHERE account_id = ?', [accountId]);

  it('leaves one renewal task inside the notice period, keeps the contract in force on its last day, and expires it the day after', async () => {
    const terms = sut.app.get(ContractTermsService);
    const contract = await signedContract(12);
    expect(contract.expiresOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const expiresOn = contract.expiresOn as string;

    await terms.review(addDays(expiresOn, -31));
    expect(await tasks(contract.accountId)).toEqual([]);
    await terms.review(addDays(expiresOn, -30));
    await terms.review(addDays(expiresOn, -29));
    const left = await tasks(contract.accountId);
    expect(left).toHaveLength(1);
    expect(left[0].title).toMatch(/^Renew contract 'Term /);

    await terms.review(expiresOn);
    expect(await state(contract.id)).toBe('signed');
    const after = await terms.review(addDays(expiresOn, 1));
    expect(after.expired).toBeGreaterThanOrEqual(1);
    expect(await state(contract.id)).toBe('expired');
    expect(await tasks(contract.accountId)).toHaveLength(1);
  });

  it('never expires a contract without a term', async () => {
    const terms = sut.app.get(ContractTermsService);
    const contract = await signedContract(null);
    expect(contract.expiresOn).toBeNull();
    await terms.review('2099-01-01');
    expect(await state(contract.id)).toBe('signed');
    expect(await tasks(contract.accountId)).toEqual([]);
  });
});
