import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountServicesService } from '../billing/account-services.service';
import { addMonths } from '../billing/billing-calendar';
import { InvoiceGenerationService } from '../billing/invoice-generation.service';
import { LedgerService } from '../billing/ledger.service';
import { generateUsageHoursDemo, generateUsagePolicyDemo } from './usage-demo';

/**
 * A small price list and a few months of billing on the first demo accounts:
 * services added, invoices generated, most of them paid, one paid partly by
 * check, so every billing screen has something to show. The data services'
 * usage since they began goes in before the invoices, so the residential
 * plan's usage policy settles each closed period as a bill run would.
 */
export async function generateBillingDemo(app: INestApplicationContext, firstAccountId: number, count: number): Promise<void> {
  const db = app.get(DataSource);
  await db.query("INSERT IGNORE INTO tax_types (name) VALUES ('Sales tax'), ('Telecom surcharge')");
  const [sales] = await db.query("SELECT id FROM tax_types WHERE name = 'Sales tax'");
  const [telecom] = await db.query("SELECT id FROM tax_types WHERE name = 'Telecom surcharge'");
  await db.query('INSERT IGNORE INTO taxes (name, tax_type_id, rate_e4, active) VALUES (?, ?, 62500, 1), (?, ?, 15000, 1)', [
    'Illinois sales tax',
    sales.id,
    'Universal service fee',
    telecom.id,
  ]);
  const taxIds: number[] = (
    await db.query("SELECT id FROM taxes WHERE name IN ('Illinois sales tax', 'Universal service fee') ORDER BY id")
  ).map((r: { id: number }) => Number(r.id));
  const services: [string, string, number, number | null, number | null][] = [
    ['Fiber 300', 'data', 5999, 300_000, 300_000],
    ['Fiber 1000', 'data', 8999, 1_000_000, 1_000_000],
    ['Wireless 50', 'data', 4499, 50_000, 10_000],
    ['Static IP', 'recurring', 1000, null, null],
    ['Home phone', 'voice', 2499, null, null],
  ];
  for (const [name, kind, price, down, up] of services) {
    await db.query(
      'INSERT IGNORE INTO services (name, kind, price, download_kbps, upload_kbps, ledger_code, active) VALUES (?, ?, ?, ?, ?, ?, 1)',
      [name, kind, price, down, up, kind === 'voice' ? '4200' : '4100'],
    );
  }
  await db.query(
    `INSERT IGNORE INTO services (name, kind, adjustment_side, price, ledger_code, active) VALUES
       ('Installation', 'one_time', NULL, 9900, '4300', 1), ('Router', 'one_time', NULL, 12900, '4400', 1),
       ('Goodwill credit', 'adjustment', 'credit', 1000, '4900', 1), ('Late fee', 'adjustment', 'debit', 1500, '4800', 1)`,
  );
  const byName = new Map<string, number>(
    (await db.query('SELECT id, name FROM services')).map((r: { id: number; name: string }) => [r.name, Number(r.id)]),
  );
  for (const name of ['Fiber 300', 'Fiber 1000', 'Wireless 50', 'Home phone', 'Installation', 'Router']) {
    for (const taxId of taxIds)
      await db.query('INSERT IGNORE INTO service_taxes (service_id, tax_id) VALUES (?, ?)', [byName.get(name), taxId]);
  }

  const accountServices = app.get(AccountServicesService);
  const generation = app.get(InvoiceGenerationService);
  const ledger = app.get(LedgerService);
  const today = ledger.today();
  const thisMonth = `${today.slice(0, 7)}-01`;
  const start = addMonths(thisMonth, -2);
  const plans = ['Fiber 300', 'Fiber 1000', 'Wireless 50'];
  // The residential plan is sold with a usage policy: its usage periods are settled by the invoices below.
  await generateUsagePolicyDemo(app, 'Fiber 300', taxIds);
  const accountIds: number[] = [];
  for (let i = 0; i < count; i++) {
    const accountId = firstAccountId + i;
    accountIds.push(accountId);
    await accountServices.add({ accountId, serviceId: byName.get(plans[i % plans.length]), date: start });
    if (i % 4 === 0) await accountServices.add({ accountId, serviceId: byName.get('Static IP'), date: start });
    if (i % 5 === 0) await ledger.postOneTime({ accountId, serviceId: byName.get('Installation') as number, date: start });
  }
  // Usage since the services began, before the invoices that charge each closed period's overage.
  await generateUsageHoursDemo(app, accountIds, new Date(`${start}T00:00:00Z`));
  for (let i = 0; i < count; i++) {
    const accountId = firstAccountId + i;
    for (let m = 0; m <= 2; m++) {
      const billingDate = addMonths(start, m);
      const { invoiceId } = await generation.generate(accountId, billingDate);
      if (invoiceId === null || m === 2) continue;
      const [inv]: { total: number; paid: number }[] = await db.query('SELECT total, paid FROM invoices WHERE id = ?', [invoiceId]);
      const owed = Number(inv.total) - Number(inv.paid);
      if (owed <= 0 || i % 7 === 3) continue;
      if (i % 6 === 1)
        await ledger.takePayment({
          accountId,
          method: 'check',
          amount: Math.floor(owed / 2),
          reference: `CHK ${1000 + i}`,
          date: billingDate,
        });
      else await ledger.takePayment({ accountId, method: 'cash', amount: owed, date: billingDate });
    }
  }
}
