import { Accounts1795725000000 } from './1795725000000-accounts';
import { Platform1795718700000 } from './1795718700000-platform';

/** In order of application. Listed explicitly so ts-jest and the compiled build see the same set. */
export const migrations = [Platform1795718700000, Accounts1795725000000];
