/** Enough of a file to hold its header line, however wide. */
const HEAD_BYTES = 64 * 1024;

/** The fields of one CSV line: commas outside quotes split, "" inside quotes is a quote. */
export const csvFields = (line: string): string[] => {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields.map((f) => f.trim());
};

/**
 * The column names of a CSV file's header line, read in the browser, for the mapping's choices; none
 * when the first line is empty or names a column twice (the server will say why).
 */
export const readHeaderColumns = async (file: File): Promise<string[]> => {
  const head = await file.slice(0, HEAD_BYTES).text();
  const first = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const columns = csvFields(first).filter((name) => name !== '');
  return new Set(columns).size === columns.length ? columns : [];
};
