import { Accounts1795725000000 } from './1795725000000-accounts';
import { Billing1795730700000 } from './1795730700000-billing';
import { BillingConfig1795730500000 } from './1795730500000-billing-config';
import { Catalog1795730400000 } from './1795730400000-catalog';
import { Platform1795718700000 } from './1795718700000-platform';
import { Taxes1795730300000 } from './1795730300000-taxes';

/** In order of application. Listed explicitly so ts-jest and the compiled build see the same set. */
export const migrations = [
  Platform1795718700000,
  Accounts1795725000000,
  Taxes1795730300000,
  Catalog1795730400000,
  BillingConfig1795730500000,
  Billing1795730700000,
];
