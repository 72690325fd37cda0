/**
 * `CASE id WHEN ? THEN ? … END` over rows, with its parameters: a column's value per row in
 * one UPDATE (`SET status = ${sql} WHERE id IN (?)`), where one UPDATE per row would cost a
 * round trip each.
 */
export function caseById<T>(rows: T[], id: (row: T) => number | string, value: (row: T) => unknown): { sql: string; params: unknown[] } {
  return {
    sql: `CASE id ${rows.map(() => 'WHEN ? THEN ?').join(' ')} END`,
    params: rows.flatMap((row) => [id(row), value(row)]),
  };
}

/**
 * `col = CASE id …, other = CASE id …` for `UPDATE t SET ${sql} WHERE id IN (?)`: each row its
 * own value of each column, in one statement.
 */
export function setEach<T>(
  rows: T[],
  id: (row: T) => number | string,
  columns: Record<string, (row: T) => unknown>,
): { sql: string; params: unknown[] } {
  const parts = Object.entries(columns).map(([column, value]) => ({ column, ...caseById(rows, id, value) }));
  return { sql: parts.map((p) => `${p.column} = ${p.sql}`).join(', '), params: parts.flatMap((p) => p.params) };
}
