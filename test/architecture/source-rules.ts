import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { TABLE_OWNERS } from '../../src/database/table-owners';

export const SRC = join(__dirname, '..', '..', 'src');

/** Plumbing every domain may use; it imports no domain (each domain's error-code vocabulary aside). */
export const PLUMBING_FOLDERS = new Set(['common', 'database', 'config', 'temporal']);

/**
 * Programs that assemble or seed the whole and may import any domain. Top-level files in
 * src/ (app.module.ts, worker.ts…) do the same.
 */
export const PROGRAM_FOLDERS = new Set(['cli', 'demo', 'health', 'metrics']);

/** Folders that are not domains. */
export const SHARED_FOLDERS = new Set([...PLUMBING_FOLDERS, ...PROGRAM_FOLDERS]);

/**
 * Folders allowed to write any table, and why. Migrations shape every table; demo
 * seeds an empty database in bulk (the bench's hundred thousand accounts) before any
 * domain runs, with INSERTs only.
 */
export const WRITES_ANYWHERE: Record<string, string> = {
  database: 'migrations create and reshape every table',
  demo: 'seeds an empty database in bulk, before any domain runs',
};

export interface SourceFile {
  /** Path from src/, with forward slashes. */
  path: string;
  /** The first folder under src/, or '' for a top-level file. */
  folder: string;
  text: string;
}

export function sourceFiles(root = SRC): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) {
        const path = relative(root, full).split(sep).join('/');
        out.push({ path, folder: path.includes('/') ? path.split('/')[0] : '', text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(root);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** The code without comments, so prose that mentions "update accounts" is not taken for SQL. */
export function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const WRITE_PATTERNS = [
  /\bINSERT\s+(?:IGNORE\s+)?INTO\s+`?(\w+)/gi,
  /\bREPLACE\s+INTO\s+`?(\w+)/gi,
  /\bUPDATE\s+(?:IGNORE\s+)?`?(\w+)`?(?:\s+(?!SET\b)\w+)?\s+(?:SET|JOIN|,)/gi,
  /\bDELETE\s+(?:\w+\s+)?FROM\s+`?(\w+)/gi,
  /\bTRUNCATE\s+(?:TABLE\s+)?`?(\w+)/gi,
];
const READ_PATTERN = /\b(?:FROM|JOIN)\s+`?(\w+)/gi;

function tablesMatching(text: string, patterns: RegExp[]): string[] {
  const found = new Set<string>();
  for (const pattern of patterns) for (const m of text.matchAll(pattern)) if (m[1] in TABLE_OWNERS) found.add(m[1]);
  return [...found].sort();
}

/** Tables a file writes in SQL. */
export function sqlWrites(text: string): string[] {
  return tablesMatching(withoutComments(text), WRITE_PATTERNS);
}

/** Tables a file names in FROM or JOIN (a write's own FROM included). */
export function sqlReads(text: string): string[] {
  return tablesMatching(withoutComments(text), [READ_PATTERN]);
}

/** Entity class name → table, from every @Entity('table') class under src/. */
export function entityTables(files: SourceFile[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const f of files) {
    for (const m of f.text.matchAll(/@Entity\(\s*'(\w+)'[^)]*\)\s*(?:@\w+\([^)]*\)\s*)*export\s+class\s+(\w+)/g)) map.set(m[2], m[1]);
  }
  return map;
}

const ENTITY_WRITE = /\.(?:insert|update|delete|save|upsert|remove|softDelete|restore|increment|decrement|clear)\(\s*(\w+)\s*[,)]/g;
const REPOSITORY_OF =
  /(?:getRepository|InjectRepository)\(\s*(\w+)\s*\)(\s*\.\s*(?:insert|update|delete|save|upsert|remove|softDelete|restore|increment|decrement|clear)\()?/g;

/** Tables a file writes through TypeORM: an EntityManager write naming the entity, or a repository write on it. */
export function entityWrites(text: string, entities: Map<string, string>): string[] {
  const found = new Set<string>();
  const code = withoutComments(text);
  for (const m of code.matchAll(ENTITY_WRITE)) if (entities.has(m[1])) found.add(entities.get(m[1]) as string);
  for (const m of code.matchAll(REPOSITORY_OF)) if (m[2] && entities.has(m[1])) found.add(entities.get(m[1]) as string);
  return [...found].sort();
}

/** Tables a file holds a repository of, which may be written through it later. */
export function repositoriesHeld(text: string, entities: Map<string, string>): string[] {
  const found = new Set<string>();
  for (const m of withoutComments(text).matchAll(/InjectRepository\(\s*(\w+)\s*\)/g))
    if (entities.has(m[1])) found.add(entities.get(m[1]) as string);
  return [...found].sort();
}

export interface Finding {
  file: string;
  table: string;
  owner: string;
}

const ownerOf = (table: string): string => TABLE_OWNERS[table as keyof typeof TABLE_OWNERS].owner;
const isShared = (table: string): boolean => 'shared' in TABLE_OWNERS[table as keyof typeof TABLE_OWNERS];

/** Every write to a table from a folder that does not own it. */
export function foreignWrites(files: SourceFile[]): Finding[] {
  const entities = entityTables(files);
  const out: Finding[] = [];
  for (const f of files) {
    if (f.folder in WRITES_ANYWHERE) continue;
    const tables = new Set([...sqlWrites(f.text), ...entityWrites(f.text, entities), ...repositoriesHeld(f.text, entities)]);
    for (const table of [...tables].sort()) if (ownerOf(table) !== f.folder) out.push({ file: f.path, table, owner: ownerOf(table) });
  }
  return out;
}

/** Tables whose entity classes a file imports from another folder's `*.entity.ts`. */
export function entityImports(text: string, entities: Map<string, string>): string[] {
  const found = new Set<string>();
  for (const m of withoutComments(text).matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'\.\.\/[^']+\.entity'/g)) {
    for (const name of m[1].split(',').map((n) => n.replace(/^\s*type\s+/, '').trim())) {
      if (entities.has(name)) found.add(entities.get(name) as string);
    }
  }
  return [...found].sort();
}

/** Every read of a table by a folder that does not own it, shared or not: in SQL, or through its entity. */
export function foreignReads(files: SourceFile[]): (Finding & { shared: boolean })[] {
  const entities = entityTables(files);
  const out: (Finding & { shared: boolean })[] = [];
  for (const f of files) {
    if (f.folder in WRITES_ANYWHERE) continue;
    for (const table of new Set([...sqlReads(f.text), ...entityImports(f.text, entities)]))
      if (ownerOf(table) !== f.folder) out.push({ file: f.path, table, owner: ownerOf(table), shared: isShared(table) });
  }
  return out;
}

/** One relative import that crosses folders: the importing file and the path it names, both from src/. */
export interface CrossImport {
  file: string;
  target: string;
}

/** Relative imports from one src folder to another: folder → folder it imports → the imports. */
export function folderImports(files: SourceFile[]): Map<string, Map<string, CrossImport[]>> {
  const graph = new Map<string, Map<string, CrossImport[]>>();
  for (const f of files) {
    if (!f.folder) continue;
    for (const m of f.text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = normalize(join(dirname(f.path), m[1]))
        .split(sep)
        .join('/');
      if (target.startsWith('..') || !target.includes('/')) continue;
      const folder = target.split('/')[0];
      if (folder === f.folder) continue;
      const edges = graph.get(f.folder) ?? new Map<string, CrossImport[]>();
      edges.set(folder, [...(edges.get(folder) ?? []), { file: f.path, target }]);
      graph.set(f.folder, edges);
    }
  }
  return graph;
}

/** Groups of domain folders that import each other, round a circle (strongly connected components of two or more). */
export function domainCycles(graph: Map<string, Map<string, CrossImport[]>>): string[][] {
  const nodes = [...graph.keys()].filter((n) => !SHARED_FOLDERS.has(n));
  const next = (n: string) => [...(graph.get(n)?.keys() ?? [])].filter((m) => !SHARED_FOLDERS.has(m));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v) as number);
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      for (;;) {
        const w = stack.pop() as string;
        onStack.delete(w);
        group.push(w);
        if (w === v) break;
      }
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const n of nodes.sort()) if (!index.has(n)) visit(n);
  return groups;
}

/** Imports from plumbing up into a domain, except of the error-code vocabularies (which import nothing). */
export function sharedImportingDomains(graph: Map<string, Map<string, CrossImport[]>>): string[] {
  const out = new Set<string>();
  for (const [from, edges] of graph) {
    if (!PLUMBING_FOLDERS.has(from)) continue;
    for (const [to, imports] of edges) {
      if (SHARED_FOLDERS.has(to)) continue;
      for (const { file, target } of imports) if (!target.endsWith('.error-codes')) out.add(`${file} → ${to}`);
    }
  }
  return [...out].sort();
}

/** Direct calls to TypeORM's transaction(), which only src/database may make. */
export function rawTransactions(files: SourceFile[]): string[] {
  return files
    .filter((f) => f.folder !== 'database' && /\.transaction\s*\(/.test(withoutComments(f.text)))
    .map((f) => f.path)
    .sort();
}

/** Tables and views the migrations leave in place: created, and not dropped again, by some up(). */
export function migratedTables(files: SourceFile[]): string[] {
  const names = new Set<string>();
  const migrations = files.filter((f) => f.path.startsWith('database/migrations/')).sort((a, b) => a.path.localeCompare(b.path));
  for (const f of migrations) {
    const up = f.text.split(/async\s+down\s*\(/)[0];
    const statements = /\b(CREATE|DROP)\s+(?:TABLE|(?:OR\s+REPLACE\s+)?VIEW)\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?`?(\w+)/gi;
    for (const m of up.matchAll(statements)) {
      if (m[1].toUpperCase() === 'CREATE') names.add(m[2]);
      else names.delete(m[2]);
    }
  }
  return [...names].sort();
}
