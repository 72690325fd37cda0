import { TABLE_OWNERS } from '../../src/database/table-owners';
import {
  domainCycles,
  entityTables,
  entityWrites,
  folderImports,
  foreignReads,
  foreignWrites,
  migratedTables,
  rawTransactions,
  sharedImportingDomains,
  SHARED_FOLDERS,
  type SourceFile,
  sourceFiles,
  sqlReads,
  sqlWrites,
} from './source-rules';

/**
 * The house rules, checked on the source: each table has one owning domain that alone
 * writes it, other domains read only its shared tables, domain folders import each
 * other one way only, and transactions open through src/database alone.
 */
describe('architecture', () => {
  const files = sourceFiles();
  const file = (path: string, text: string): SourceFile => ({ path, folder: path.split('/')[0], text });

  it('names an owning domain folder for every table the migrations create, and nothing else', () => {
    const folders = new Set(files.map((f) => f.folder));
    expect(Object.keys(TABLE_OWNERS).sort()).toEqual(migratedTables(files));
    const owners = [...new Set(Object.values(TABLE_OWNERS).map((t) => t.owner))];
    expect(owners.filter((o) => !folders.has(o) || SHARED_FOLDERS.has(o))).toEqual([]);
  });

  it('lets only the owning domain write a table', () => {
    expect(foreignWrites(files)).toEqual([]);
  });

  it('lets other domains read only the tables their owner shares', () => {
    const reads = foreignReads(files);
    expect(reads.filter((r) => !r.shared)).toEqual([]);
    // Written out so a change in who reads what shows in the test output.
    const byTable = new Map<string, Set<string>>();
    for (const r of reads) byTable.set(r.table, (byTable.get(r.table) ?? new Set()).add(r.file.split('/')[0]));
    const listing = [...byTable]
      .sort()
      .map(([t, readers]) => `${t} (${TABLE_OWNERS[t as keyof typeof TABLE_OWNERS].owner}) ← ${[...readers].sort().join(', ')}`);
    process.stdout.write(`Shared tables read by other domains:\n  ${listing.join('\n  ')}\n`);
  });

  it('has no import cycle between domain folders', () => {
    expect(domainCycles(folderImports(files))).toEqual([]);
  });

  it('keeps shared folders below the domains (error-code vocabularies apart)', () => {
    expect(sharedImportingDomains(folderImports(files))).toEqual([]);
  });

  it('opens transactions only through src/database', () => {
    expect(rawTransactions(files)).toEqual([]);
  });

  describe('the checks catch what they are for', () => {
    it('sees SQL writes in their usual shapes, and not prose in comments', () => {
      expect(sqlWrites("em.query('INSERT INTO invoices (account_id) VALUES (?)')")).toEqual(['invoices']);
      expect(sqlWrites('`UPDATE invoices c\n JOIN accounts a ON a.id = c.account_id SET c.parent_invoice_id = 1`')).toEqual(['invoices']);
      expect(sqlWrites("'UPDATE accounts SET account_status_id = ? WHERE id = ?'")).toEqual(['accounts']);
      expect(sqlWrites("'UPDATE IGNORE account_statuses SET is_disconnect = 1'")).toEqual(['account_statuses']);
      expect(sqlWrites("'DELETE FROM late_fees WHERE id = ?'")).toEqual(['late_fees']);
      expect(sqlWrites("'DELETE t FROM transactions t WHERE t.id = ?'")).toEqual(['transactions']);
      expect(sqlWrites('// we never UPDATE accounts SET here\n/* nor INSERT INTO invoices */')).toEqual([]);
      expect(sqlReads("'SELECT i.id FROM invoices i JOIN accounts a ON a.id = i.account_id'")).toEqual(['accounts', 'invoices']);
    });

    it('sees writes through TypeORM entities', () => {
      const entities = entityTables(files);
      expect(entities.get('Account')).toBe('accounts');
      expect(entityWrites('await em.update(Account, { id }, { name })', entities)).toEqual(['accounts']);
      expect(entityWrites('await this.db.getRepository(StaffUser).update(id, changes)', entities)).toEqual(['staff_users']);
      expect(entityWrites('await em.findOneBy(Account, { id })', entities)).toEqual([]);
    });

    it('fails on a domain writing another domain’s table, as disconnection once wrote its final invoice', () => {
      const before = file(
        'disconnection/final-invoice.service.ts',
        'await em.query(`INSERT INTO invoices (account_id, invoice_date, due_date, months, manual, message) VALUES (?, ?, ?, 1, 1, ?)`, []);',
      );
      expect(foreignWrites([before])).toEqual([{ file: before.path, table: 'invoices', owner: 'billing' }]);
      const viaEntity = file('scheduled-events/x.ts', 'await em.update(AccountStatus, { id }, { name })');
      const entity = file('accounts/account-status.entity.ts', "@Entity('account_statuses')\nexport class AccountStatus {}");
      expect(foreignWrites([viaEntity, entity])).toEqual([{ file: viaEntity.path, table: 'account_statuses', owner: 'accounts' }]);
    });

    it('fails on a read of a table its owner keeps to itself', () => {
      const reads = foreignReads([file('autopay/x.ts', "'SELECT * FROM bill_run_batches b JOIN invoices i ON 1'")]);
      expect(reads.filter((r) => !r.shared).map((r) => r.table)).toEqual(['bill_run_batches']);
      const viaEntity = foreignReads([
        file('billing/x.ts', "import { TaxZone } from '../taxes/tax-zone.entity';"),
        file('taxes/tax-zone.entity.ts', "@Entity('tax_zones')\nexport class TaxZone {}"),
      ]);
      expect(viaEntity.filter((r) => !r.shared).map((r) => `${r.file} ${r.table}`)).toEqual(['billing/x.ts tax_zones']);
    });

    it('fails on the import circles the domains once had', () => {
      const circle = [
        file('billing/ledger.service.ts', "import { CREDIT_APPLIED_HOOK } from '../delinquency/credit-applied.hook';"),
        file('delinquency/delinquency.service.ts', "import { LedgerPostings } from '../billing/ledger-postings';"),
        file(
          'payments/payment-settlement.service.ts',
          "import { BillingNotificationsService } from '../correspondence-templates/billing-notifications.service';",
        ),
        file('correspondence-templates/merge-values.service.ts', "import { processorPayments } from '../payments/processor-payment-rows';"),
        file('common/errors.ts', "import { BillingErrorCode } from '../billing/billing.error-codes';"),
      ];
      expect(domainCycles(folderImports(circle))).toEqual([
        ['billing', 'delinquency'],
        ['correspondence-templates', 'payments'],
      ]);
      const upward = file('common/filter.ts', "import { LedgerService } from '../billing/ledger.service';");
      expect(sharedImportingDomains(folderImports([upward]))).toEqual(['common/filter.ts → billing']);
      expect(sharedImportingDomains(folderImports([circle[4]]))).toEqual([]);
    });

    it('fails on a transaction opened outside src/database', () => {
      expect(rawTransactions([file('billing/x.ts', 'await this.db.transaction(async (em) => em.query("SELECT 1"))')])).toEqual([
        'billing/x.ts',
      ]);
      expect(rawTransactions([file('database/transaction.ts', 'return db.transaction(level, work)')])).toEqual([]);
    });
  });
});
