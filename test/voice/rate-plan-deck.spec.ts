import { randomUUID } from 'node:crypto';
import { call, SMALL_DECK, upload, VoiceWorld, voiceWorld } from './voice-world';

/**
 * A rate plan's deck is replaced whole by each CSV imported, in one transaction; a file with any
 * problem is refused with each line, column and rule, and the deck stays as it was.
 */
describe('a rate plan’s deck imported from CSV', () => {
  let w: VoiceWorld;
  beforeAll(async () => {
    w = await voiceWorld();
  });
  afterAll(() => w.close());

  const rates = async (planId: number, query = '') =>
    (await call(w, 'get', `/api/voice-rate-plans/${planId}/rates${query}`).expect(200)).body as {
      prefix: string;
      direction: string;
      rate: string;
      rateMicro: number;
      minimumSeconds: number;
      incrementSeconds: number;
      effectiveFrom: string | null;
    }[];

  it('replaces the plan’s rates with each file, and lists them a page at a time', async () => {
    const plan = (await call(w, 'post', '/api/voice-rate-plans', { name: `Deck ${randomUUID().slice(0, 8)}` }).expect(201)).body;
    expect(plan).toMatchObject({ rates: 0, services: 0 });

    const first = await upload(w, `/api/voice-rate-plans/${plan.id}/deck`, SMALL_DECK).expect(200);
    expect(first.body).toEqual({ ratePlanId: plan.id, rates: 4, inbound: 1, outbound: 3, replaced: 0 });
    expect((await rates(plan.id)).map((r) => `${r.direction} ${r.prefix} ${r.rate}`)).toEqual([
      'outbound 1 0.01',
      'inbound 1 0.002',
      'outbound 1212 0.008',
      'outbound 44 0.05',
    ]);

    const second = [
      'Prefix,Description,Direction,Rate,Minimum,Increment,Effective_From',
      '+44,UK,outbound,0.045,1,1,',
      '4420,London,outbound,0.03,30,6,2026-04-01',
    ].join('\r\n');
    await expect(upload(w, `/api/voice-rate-plans/${plan.id}/deck`, second).expect(200)).resolves.toMatchObject({
      body: { rates: 2, inbound: 0, outbound: 2, replaced: 4 },
    });
    const now = await rates(plan.id);
    expect(now.map((r) => [r.prefix, r.rateMicro, r.minimumSeconds, r.incrementSeconds, r.effectiveFrom])).toEqual([
      ['44', 45_000, 1, 1, null],
      ['4420', 30_000, 30, 6, '2026-04-01'],
    ]);

    // Filters and paging, as the panel's list asks.
    const page = await call(
      w,
      'get',
      `/api/voice-rate-plans/${plan.id}/rates?filter=${encodeURIComponent('{"prefix":"442"}')}&range=[0,0]`,
    ).expect(200);
    expect(page.headers['content-range']).toBe('voice-rates 0-0/1');
    expect(page.body.map((r: { prefix: string }) => r.prefix)).toEqual(['4420']);
    const inbound = await call(
      w,
      'get',
      `/api/voice-rate-plans/${plan.id}/rates?filter=${encodeURIComponent('{"direction":"inbound"}')}`,
    ).expect(200);
    expect(inbound.body).toEqual([]);
    await expect(call(w, 'get', `/api/voice-rate-plans/${plan.id}`).expect(200)).resolves.toMatchObject({ body: { rates: 2 } });
  });

  it('refuses a file with problems, naming each line, column and rule, and keeps the deck as it was', async () => {
    const plan = (await call(w, 'post', '/api/voice-rate-plans', { name: `Kept ${randomUUID().slice(0, 8)}` }).expect(201)).body;
    await upload(w, `/api/voice-rate-plans/${plan.id}/deck`, SMALL_DECK).expect(200);
    const before = await rates(plan.id);

    const broken = [
      'prefix,description,direction,rate,minimum,increment',
      '1,North America,outbound,0.01,60,60',
      '1,North America again,outbound,0.02,60,60',
      '33,France,sideways,0.03,60,60',
      '49,Germany,outbound,0.0000001,60,60',
      '4x,Typo,outbound,0.01,60,0',
    ].join('\n');
    const res = await upload(w, `/api/voice-rate-plans/${plan.id}/deck`, broken).expect(400);
    expect(res.body.message).toMatch(/^The rate deck was not imported: 5 problems, the first on line 3/);
    expect(res.body.details.map((d: { field: string; rule: string }) => `${d.field} ${d.rule}`)).toEqual([
      'file.line3.prefix unique',
      'file.line4.direction oneOf',
      'file.line5.rate decimal',
      'file.line6.prefix digits',
      'file.line6.increment seconds',
    ]);
    expect(res.body.details[0].message).toBe('line 3: prefix 1 outbound is already on line 2');
    await expect(rates(plan.id)).resolves.toEqual(before);

    // A header without the columns a deck needs is refused whole too.
    const headerless = await upload(w, `/api/voice-rate-plans/${plan.id}/deck`, '1,North America,outbound,0.01,60,60\n').expect(400);
    expect(headerless.body.details[0]).toMatchObject({ field: 'file.line1.header', rule: 'columns' });
    await expect(rates(plan.id)).resolves.toEqual(before);
    // Not multipart at all.
    await call(w, 'post', `/api/voice-rate-plans/${plan.id}/deck`, { prefix: '1' }).expect(415);
    await expect(rates(plan.id)).resolves.toEqual(before);
  });

  it('requires a rate plan of a voice service, refuses voice fields on other kinds, and keeps a plan that prices a service', async () => {
    const plan = (await call(w, 'post', '/api/voice-rate-plans', { name: `Used ${randomUUID().slice(0, 8)}` }).expect(201)).body;
    const base = { price: 1999, ledgerCode: '4200' };

    const missing = await call(w, 'post', '/api/services', { ...base, name: `Phone ${randomUUID()}`, kind: 'voice' }).expect(400);
    expect(missing.body.details).toEqual([expect.objectContaining({ field: 'voiceRatePlanId', rule: 'required' })]);
    const unknown = await call(w, 'post', '/api/services', {
      ...base,
      name: `Phone ${randomUUID()}`,
      kind: 'voice',
      voiceRatePlanId: 999_999_999,
    }).expect(400);
    expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'voiceRatePlanId', rule: 'exists' })]);
    const onRecurring = await call(w, 'post', '/api/services', {
      ...base,
      name: `TV ${randomUUID()}`,
      kind: 'recurring',
      includedMinutes: 100,
      includedMinutesScope: 'outbound',
    }).expect(400);
    expect(onRecurring.body.details.map((d: { field: string; rule: string }) => `${d.field} ${d.rule}`)).toEqual([
      'includedMinutes notAllowed',
      'includedMinutesScope notAllowed',
    ]);

    const service = await call(w, 'post', '/api/services', {
      ...base,
      name: `Phone ${randomUUID()}`,
      kind: 'voice',
      voiceRatePlanId: plan.id,
    }).expect(201);
    expect(service.body).toMatchObject({ voiceRatePlanId: plan.id, includedMinutes: 0, includedMinutesScope: 'all' });
    const changed = await call(w, 'put', `/api/services/${service.body.id}`, {
      includedMinutes: 300,
      includedMinutesScope: 'outbound',
    }).expect(200);
    expect(changed.body).toMatchObject({ voiceRatePlanId: plan.id, includedMinutes: 300, includedMinutesScope: 'outbound' });
    // Becoming a recurring service drops what only voice services have.
    const recurring = await call(w, 'put', `/api/services/${service.body.id}`, { kind: 'recurring' }).expect(200);
    expect(recurring.body).toMatchObject({ voiceRatePlanId: null, includedMinutes: null, includedMinutesScope: null });
    await call(w, 'put', `/api/services/${service.body.id}`, { kind: 'voice' }).expect(400);
    await call(w, 'put', `/api/services/${service.body.id}`, { kind: 'voice', voiceRatePlanId: plan.id }).expect(200);

    const refused = await call(w, 'delete', `/api/voice-rate-plans/${plan.id}`).expect(409);
    expect(refused.body).toMatchObject({ code: 'voice_rate_plan_in_use' });
    await call(w, 'get', `/api/voice-rate-plans/${plan.id}`).expect(200);
  });
});
