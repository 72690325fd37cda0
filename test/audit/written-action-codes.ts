import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One action code the source writes to the action history, and where. */
export interface WrittenCode {
  code: string;
  /** True when part of the code is only known at run time (`autopay.${status}`): `code` is then a pattern. */
  pattern: boolean;
  file: string;
}

const VERB_ONLY = /^[a-z_]+$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The codes an `action:` expression can give: `a ? 'x.y' : \`x.${z}\``, leaving out the condition's literals. */
function literalsOf(expression: string): { text: string; pattern: boolean }[] {
  const found: { text: string; pattern: boolean }[] = [];
  const withoutTemplates = expression.replace(/`([^`]*)`/g, (_whole, body: string) => {
    found.push({ text: body.replace(/\$\{[^}]*\}/g, '*'), pattern: true });
    return '';
  });
  const outcomes = withoutTemplates.includes('?') ? withoutTemplates.slice(withoutTemplates.indexOf('?')) : withoutTemplates;
  for (const m of outcomes.matchAll(/'([a-z_.]+)'/g)) found.push({ text: m[1], pattern: false });
  return found;
}

/**
 * Reads every audit record written in src/: the `action:` of each record object (a plain verb such as
 * `update` is named by the record's entity type, `account.update`), and the codes handed to a
 * domain's own `record(em, 'code', …)` helper (and the ledger's `recorded`). A verb whose entity type is not a literal takes every
 * entity type literal in the same file.
 */
export function writtenActionCodes(root: string): WrittenCode[] {
  const codes: WrittenCode[] = [];
  for (const path of sourceFiles(join(root, 'src'))) {
    const source = readFileSync(path, 'utf8');
    if (!/recordActions?\(|\.record(ed)?\(/.test(source)) continue;
    const file = relative(root, path);
    const fileEntityTypes = [...source.matchAll(/entityType: '([a-z_]+)'/g)].map((m) => m[1]);
    for (const m of source.matchAll(/\baction: ([^,\n;]+(?:\?[^,\n;]+)?)[,\n;]/g)) {
      const expression = m[1];
      if (/^(string|filter\.|'a\.action'|origin\.action)/.test(expression.trim())) continue;
      // The record object this action belongs to: up to the next closing brace at its own depth.
      const rest = source.slice(m.index, m.index + 600);
      const entity = /entityType: ('([a-z_]+)'|[A-Za-z_.]+)/.exec(rest);
      const constant = entity && !entity[2] ? new RegExp(`const ${entity[1]} = '([a-z_]+)'`).exec(source) : null;
      for (const literal of literalsOf(expression)) {
        if (!VERB_ONLY.test(literal.text)) {
          codes.push({ code: literal.text, pattern: literal.pattern, file });
          continue;
        }
        const types = entity?.[2]
          ? [entity[2]]
          : constant
            ? [constant[1]]
            : [...new Set([...source.matchAll(/entityType: '([a-z_]+)'/g)].map((e) => e[1]))];
        for (const type of types.length ? types : fileEntityTypes) codes.push({ code: `${type}.${literal.text}`, pattern: false, file });
      }
    }
    // A domain's own helpers that take the code: `record(em, 'code', …)`, the ledger's `recorded(em, 'code', …)`.
    for (const m of source.matchAll(/\.record(?:ed)?\(\s*em,\s*'([a-z_.]+)'/g)) codes.push({ code: m[1], pattern: false, file });
  }
  return codes;
}
