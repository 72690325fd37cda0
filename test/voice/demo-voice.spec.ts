import { generateDemoAccounts } from '../../src/demo/accounts-demo';
import { generateVoiceDemo } from '../../src/demo/voice-demo';
import { createIsolatedTestApp } from '../support/isolated-database';
import type { TestApp } from '../support/test-app';

describe('the demo phone service', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await createIsolatedTestApp();
  });
  afterAll(() => sut?.close());

  it('gives two accounts a line with a number each and a month of rated calls', async () => {
    const { token } = await sut.admin();
    const accounts = await generateDemoAccounts(sut.db, 5);
    const { fileId, accountIds } = await generateVoiceDemo(sut.app, accounts.firstAccountId);

    const [file] = await sut.db.query('SELECT status, lines_read, calls_recorded, lines_rejected FROM voice_cdr_files WHERE id = ?', [
      fileId,
    ]);
    expect(file).toMatchObject({ status: 'imported', lines_read: 240 });
    // Every call is the demo's subscribers' and every destination is on the deck.
    expect({ recorded: Number(file.calls_recorded), rejected: Number(file.lines_rejected) }).toEqual({ recorded: 240, rejected: 0 });

    const [{ n }] = await sut.db.query("SELECT COUNT(*) AS n FROM dids WHERE note = 'Demo block'");
    expect(Number(n)).toBe(50);
    for (const accountId of accountIds) {
      const services = await sut.http().get(`/api/accounts/${accountId}/voice-services`).auth(token, { type: 'bearer' }).expect(200);
      expect(services.body).toEqual([
        expect.objectContaining({ serviceName: 'Home phone', includedMinutes: 100, dids: [expect.anything()] }),
      ]);
      const calls = await sut.http().get(`/api/accounts/${accountId}/voice-calls`).auth(token, { type: 'bearer' }).expect(200);
      expect(Number(calls.headers['content-range'].split('/')[1])).toBeGreaterThan(50);
    }
  });
});
