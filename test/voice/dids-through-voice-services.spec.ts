import { randomUUID } from 'node:crypto';
import { accountWith, addDid, call, freshNumber, ratePlan, voiceCatalogService, VoiceWorld, voiceWorld } from './voice-world';

/**
 * Numbers are added one by one or as a block, and reach an account only through one of its voice
 * services: each holding is kept with when it began and ended, and a number is held by one service at a time.
 */
describe('phone numbers held through voice services', () => {
  let w: VoiceWorld;
  let voiceServiceId: number;
  beforeAll(async () => {
    w = await voiceWorld();
    voiceServiceId = await voiceCatalogService(w, await ratePlan(w), 100);
  });
  afterAll(() => w.close());

  const assignNow = (accountId: number, accountServiceId: number, didId: number) =>
    call(w, 'post', `/api/accounts/${accountId}/voice-services/${accountServiceId}/dids`, { didId });

  it('adds a number written any usual way once, and a block with what it already had reported', async () => {
    const number = freshNumber();
    const national = `(${number.slice(1, 4)}) ${number.slice(4, 7)}-${number.slice(7)}`;
    const one = await call(w, 'post', '/api/dids', { number: national, note: 'main line' }).expect(201);
    expect(one.body).toMatchObject({ number, state: 'available', note: 'main line', accountServiceId: null });
    const again = await call(w, 'post', '/api/dids', { number: `+${number}` }).expect(409);
    expect(again.body).toMatchObject({ code: 'did_number_taken', details: [{ field: 'number', rule: 'unique' }] });
    await call(w, 'post', '/api/dids', { number: '12' }).expect(400);

    // A block of ten around a number the instance has: nine added, the one it had left as it was.
    const base = BigInt(number) - 4n;
    const range = await call(w, 'post', '/api/dids/range', { from: `+${base}`, to: `+${base + 9n}`, note: 'block' }).expect(201);
    expect(range.body).toEqual({ from: String(base), to: String(base + 9n), numbers: 10, added: 9, skipped: 1, skippedNumbers: [number] });
    await expect(call(w, 'get', `/api/dids/${one.body.id}`).expect(200)).resolves.toMatchObject({ body: { note: 'main line' } });

    const listed = await call(
      w,
      'get',
      `/api/dids?filter=${encodeURIComponent(JSON.stringify({ q: String(base).slice(0, 9) }))}&sort=["number","DESC"]&range=[0,4]`,
    ).expect(200);
    expect(listed.headers['content-range']).toMatch(/^dids 0-4\/\d+$/);
    expect(listed.body[0].number > listed.body[1].number).toBe(true);

    const tooMany = await call(w, 'post', '/api/dids/range', { from: '+12175550000', to: '+12175600000' }).expect(400);
    expect(tooMany.body.details).toEqual([expect.objectContaining({ field: 'to', rule: 'maxRange' })]);
    await call(w, 'post', '/api/dids/range', { from: '+12175550100', to: '+12175550099' }).expect(400);
  });

  it('assigns through a voice service of the account, refuses the rest, and keeps each holding', async () => {
    const { accountId, accountServiceId } = await accountWith(w, voiceServiceId);
    const other = await accountWith(w, voiceServiceId);
    const did = await addDid(w);

    // Not of this account, not a voice service, not a number of the instance.
    await assignNow(accountId, other.accountServiceId, did.id).expect(404);
    const tv = (
      await call(w, 'post', '/api/services', { name: `TV ${randomUUID()}`, kind: 'recurring', price: 999, ledgerCode: '4000' }).expect(201)
    ).body.id as number;
    const withTv = await accountWith(w, tv);
    const notVoice = await assignNow(withTv.accountId, withTv.accountServiceId, did.id).expect(422);
    expect(notVoice.body).toMatchObject({ code: 'not_a_voice_service' });
    await assignNow(accountId, accountServiceId, 999_999_999).expect(400);
    const future = await call(w, 'post', `/api/accounts/${accountId}/voice-services/${accountServiceId}/dids`, {
      didId: did.id,
      since: '2099-01-01T00:00:00Z',
    }).expect(400);
    expect(future.body.details).toEqual([expect.objectContaining({ field: 'since', rule: 'notFuture' })]);

    const held = await assignNow(accountId, accountServiceId, did.id).expect(201);
    expect(held.body).toMatchObject({ didId: did.id, number: did.number, accountId, accountServiceId, releasedAt: null, current: true });
    await expect(call(w, 'get', `/api/dids/${did.id}`).expect(200)).resolves.toMatchObject({
      body: { state: 'assigned', accountServiceId, accountId },
    });
    // Taken: by another account, or by the same service again.
    const taken = await assignNow(other.accountId, other.accountServiceId, did.id).expect(409);
    expect(taken.body).toMatchObject({ code: 'did_not_available' });
    await assignNow(accountId, accountServiceId, did.id).expect(409);
    // An assigned number is neither reserved nor retired until it is released.
    await expect(call(w, 'patch', `/api/dids/${did.id}`, { state: 'retired' }).expect(409)).resolves.toMatchObject({
      body: { code: 'did_assigned' },
    });

    const services = await call(w, 'get', `/api/accounts/${accountId}/voice-services`).expect(200);
    expect(services.body).toEqual([
      expect.objectContaining({
        id: accountServiceId,
        serviceId: voiceServiceId,
        includedMinutes: 100,
        dids: [expect.objectContaining({ didId: did.id, number: did.number })],
      }),
    ]);

    await call(w, 'delete', `/api/accounts/${other.accountId}/voice-services/${other.accountServiceId}/dids/${did.id}`).expect(409);
    const released = await call(w, 'delete', `/api/accounts/${accountId}/voice-services/${accountServiceId}/dids/${did.id}`).expect(200);
    expect(released.body).toMatchObject({ didId: did.id, current: false });
    expect(released.body.releasedAt).not.toBeNull();
    await expect(call(w, 'get', `/api/dids/${did.id}`).expect(200)).resolves.toMatchObject({
      body: { state: 'available', accountServiceId: null },
    });

    // The next holder has it from its own assignment on; the first account keeps its past holding.
    await assignNow(other.accountId, other.accountServiceId, did.id).expect(201);
    const history = await call(w, 'get', `/api/accounts/${accountId}/dids`).expect(200);
    expect(history.headers['content-range']).toBe('did-holdings 0-0/1');
    expect(history.body).toEqual([expect.objectContaining({ didId: did.id, current: false })]);
    const current = await call(w, 'get', `/api/accounts/${other.accountId}/dids?filter=${encodeURIComponent('{"current":true}')}`).expect(
      200,
    );
    expect(current.body).toEqual([expect.objectContaining({ didId: did.id, current: true })]);
    const [{ n }] = await w.sut.db.query('SELECT COUNT(*) AS n FROM did_assignments WHERE did_id = ?', [did.id]);
    expect(Number(n)).toBe(2);

    const words = await w.sut.db.query("SELECT action FROM action_history WHERE entity_type = 'did' AND entity_id = ? ORDER BY id", [
      String(did.id),
    ]);
    expect(words.map((r: { action: string }) => r.action)).toEqual(['create', 'did.assign', 'did.release', 'did.assign']);
  });

  it('refuses a reserved or retired number, and a removed voice service', async () => {
    const { accountId, accountServiceId } = await accountWith(w, voiceServiceId);
    const reserved = await addDid(w);
    await call(w, 'patch', `/api/dids/${reserved.id}`, { state: 'reserved', note: 'for the mayor' }).expect(200);
    await expect(assignNow(accountId, accountServiceId, reserved.id).expect(409)).resolves.toMatchObject({
      body: { code: 'did_not_available' },
    });
    await call(w, 'patch', `/api/dids/${reserved.id}`, { state: 'available' }).expect(200);

    await w.sut.db.query("UPDATE account_services SET removed_on = '2026-02-01' WHERE id = ?", [accountServiceId]);
    const removed = await assignNow(accountId, accountServiceId, reserved.id).expect(409);
    expect(removed.body).toMatchObject({ code: 'voice_service_removed' });
    await expect(call(w, 'get', `/api/dids/${reserved.id}`).expect(200)).resolves.toMatchObject({ body: { state: 'available' } });
  });

  it('lets exactly one of several clerks assigning one number at once have it', async () => {
    const did = await addDid(w);
    const holders = await Promise.all(Array.from({ length: 6 }, () => accountWith(w, voiceServiceId)));
    const answers = await Promise.all(holders.map((h) => assignNow(h.accountId, h.accountServiceId, did.id)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const [{ n }] = await w.sut.db.query('SELECT COUNT(*) AS n FROM did_assignments WHERE did_id = ? AND released_at IS NULL', [did.id]);
    expect(Number(n)).toBe(1);
  });
});
