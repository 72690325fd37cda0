/** MariaDB's number for "Duplicate entry … for key …". */
const ER_DUP_ENTRY = 1062;

interface DriverError {
  code?: string;
  errno?: number;
  sqlMessage?: string;
  message?: string;
  driverError?: DriverError;
}

/**
 * A unique key refused the row. TypeORM wraps the driver's error, so both layers are asked.
 * With `key` (the index name), only that index counts: a table with two unique keys must not
 * take a clash on one for a clash on the other.
 */
export function isDuplicateKey(err: unknown, key?: string): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as DriverError;
  const driver = e.driverError ?? e;
  const duplicate = driver.code === 'ER_DUP_ENTRY' || driver.errno === ER_DUP_ENTRY || e.code === 'ER_DUP_ENTRY';
  if (!duplicate || key === undefined) return duplicate;
  // MariaDB names the index alone ("for key 'uq_x'"), MySQL 8 prefixes its table ("for key 't.uq_x'").
  const named = (text: string | undefined) =>
    text !== undefined && text.includes('for key ') && (text.endsWith(`'${key}'`) || text.endsWith(`.${key}'`));
  return [driver.sqlMessage, driver.message, e.message].some(named);
}
