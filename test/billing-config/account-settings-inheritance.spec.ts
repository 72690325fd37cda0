import { BillingConfigService } from '../../src/billing-config/billing-config.service';
import { BILLING_SETTING_KEYS } from '../../src/billing-config/billing-settings';
import { createTestApp, TestApp } from '../support/test-app';
import { Client, insertAccountOfType, insertAccountType } from './billing-config-fixture';

const allSources = (source: string) => Object.fromEntries(BILLING_SETTING_KEYS.map((key) => [key, source]));

describe("an account's billing settings come from the account, else its type, else the system", () => {
  let sut: TestApp;
  let client: Client;
  let system: Record<string, unknown>;
  let typeId: number;
  let accountId: number;
  const config = (id = accountId) => client.get(`/api/accounts/${id}/billing-config`).expect(200);

  beforeAll(async () => {
    sut = await createTestApp();
    client = new Client(sut, (await sut.admin()).token);
    system = (await client.get('/api/billing-settings').expect(200)).body;
    delete system.currency;
    typeId = await insertAccountType(sut.db);
    accountId = await insertAccountOfType(sut.db, typeId);
  });
  afterAll(() => sut.close());

  it('uses the system settings when neither the type nor the account sets anything', async () => {
    const { body } = await config();
    expect(body.effective).toEqual(system);
    expect(body.sources).toEqual(allSources('system'));
    expect(Object.values(body.overrides).every((v) => v === null)).toBe(true);
    const typeView = (await client.get(`/api/account-types/${typeId}/billing-defaults`).expect(200)).body;
    expect(typeView).toMatchObject({ accountTypeId: typeId, effective: system, sources: allSources('system') });
  });

  it('lets a type default override the system, for existing and later accounts of the type', async () => {
    const { body } = await client
      .put(`/api/account-types/${typeId}/billing-defaults`, {
        dueDays: 21,
        delinquencyWeekdays: [5, 1, 3],
        invoiceMessage: 'Business hours only',
      })
      .expect(200);
    expect(body.overrides).toMatchObject({
      dueDays: 21,
      delinquencyWeekdays: [1, 3, 5],
      invoiceMessage: 'Business hours only',
      graceDays: null,
    });
    expect(body.sources).toMatchObject({ dueDays: 'account_type', graceDays: 'system' });

    const later = await insertAccountOfType(sut.db, typeId);
    for (const id of [accountId, later]) {
      const view = (await config(id)).body;
      expect(view.effective).toMatchObject({ dueDays: 21, delinquencyWeekdays: [1, 3, 5], graceDays: system.graceDays });
      expect(view.sources).toMatchObject({ dueDays: 'account_type', delinquencyWeekdays: 'account_type', graceDays: 'system' });
      expect(view.overrides.dueDays).toBeNull();
    }
  });

  it("lets the account's own override beat its type", async () => {
    const { body } = await client
      .put(`/api/accounts/${accountId}/billing-config`, { dueDays: 30, taxExempt: true, invoiceMessage: '' })
      .expect(200);
    expect(body.effective).toMatchObject({ dueDays: 30, taxExempt: true, invoiceMessage: null, delinquencyWeekdays: [1, 3, 5] });
    expect(body.overrides).toMatchObject({ dueDays: 30, taxExempt: true, invoiceMessage: '' });
    expect(body.sources).toMatchObject({
      dueDays: 'account',
      taxExempt: 'account',
      invoiceMessage: 'account',
      delinquencyWeekdays: 'account_type',
    });
    expect(await config()).toHaveProperty('body', body);

    const service = sut.app.get(BillingConfigService);
    expect(await service.effective(sut.db.manager, accountId)).toEqual(body.effective);
    expect(await service.explain(sut.db.manager, accountId)).toEqual(body);
  });

  it('goes back to the inherited value when an override is set to null', async () => {
    let body = (await client.put(`/api/accounts/${accountId}/billing-config`, { dueDays: null }).expect(200)).body;
    expect(body.effective.dueDays).toBe(21);
    expect(body.sources.dueDays).toBe('account_type');
    expect(body.overrides.dueDays).toBeNull();
    expect(body.effective.taxExempt).toBe(true);

    await client.put(`/api/account-types/${typeId}/billing-defaults`, { dueDays: null }).expect(200);
    body = (await config()).body;
    expect(body.effective.dueDays).toBe(system.dueDays);
    expect(body.sources.dueDays).toBe('system');
  });

  it('keeps no row for a level that inherits everything', async () => {
    await client.put(`/api/accounts/${accountId}/billing-config`, { taxExempt: null, invoiceMessage: null }).expect(200);
    await client.put(`/api/account-types/${typeId}/billing-defaults`, { delinquencyWeekdays: null, invoiceMessage: null }).expect(200);
    const rows = await sut.db.query(
      "SELECT id FROM billing_settings WHERE (scope = 'account' AND scope_id = ?) OR (scope = 'account_type' AND scope_id = ?)",
      [accountId, typeId],
    );
    expect(rows).toEqual([]);
    const { body } = await config();
    expect(body.effective).toEqual(system);
    expect(body.sources).toEqual(allSources('system'));
  });

  it('answers 404 for an unknown account or account type, reading or writing', async () => {
    await client.get('/api/accounts/999999999/billing-config').expect(404);
    await client.put('/api/accounts/999999999/billing-config', { dueDays: 3 }).expect(404);
    await client.get('/api/account-types/999999999/billing-defaults').expect(404);
    await client.put('/api/account-types/999999999/billing-defaults', { dueDays: 3 }).expect(404);
    await expect(sut.app.get(BillingConfigService).effective(sut.db.manager, 999999999)).rejects.toThrow(
      'Account 999999999 does not exist',
    );
  });

  it('documents every setting in the OpenAPI schemas', async () => {
    const { schemas } = (await sut.http().get('/api/docs-json').expect(200)).body.components;
    const keys = [...BILLING_SETTING_KEYS].sort();
    expect(Object.keys(schemas.BillingSettingsDto.properties).sort()).toEqual(keys);
    expect(Object.keys(schemas.SystemBillingSettingsDto.properties).sort()).toEqual([...keys, 'currency'].sort());
    expect(Object.keys(schemas.UpdateBillingSettingsDto.properties).sort()).toEqual(keys);
    expect(schemas.UpdateBillingSettingsDto.required ?? []).toEqual([]);
    expect(schemas.BillingOverridesDto.properties.dueDays).toMatchObject({ nullable: true, minimum: 0, maximum: 120 });
  });

  it('drops the settings of an account type when the type is deleted', async () => {
    const spareType = await insertAccountType(sut.db);
    await client.put(`/api/account-types/${spareType}/billing-defaults`, { graceDays: 3 }).expect(200);
    await client.delete(`/api/account-types/${spareType}`).expect(200);
    const rows = await sut.db.query("SELECT id FROM billing_settings WHERE scope = 'account_type' AND scope_id = ?", [spareType]);
    expect(rows).toEqual([]);
  });
});
