import type { DatabaseLogin } from './lab-database';

// The edits that turn a copy of Debian's /etc/freeradius/3.0 into a private instance: text in,
// text out, so they are tested without a server. Each edit fails loudly when the stock text
// is not shaped as expected: a FreeRADIUS that changed its files should stop the lab, not
// start one quietly listening on 1812 or writing to /var/log.

/** A FreeRADIUS string that the configuration parser takes literally (no ${…} expansion). */
export function confString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A line's text before its comment, quotes respected. */
function code(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return line.slice(0, i);
  }
  return line;
}

function braceDelta(line: string): number {
  const text = code(line).replace(/(["'])(?:\\.|(?!\1).)*\1/g, '');
  return (text.match(/\{/g)?.length ?? 0) - (text.match(/\}/g)?.length ?? 0);
}

/** Replaces the uncommented `name = …` lines (at least one must exist) with `name = value`, or comments them out with null. */
function setting(text: string, name: string, value: string | null): string {
  const line = new RegExp(`^([ \\t]*)${name}[ \\t]*=.*$`, 'gm');
  if (!line.test(text)) throw new Error(`the stock FreeRADIUS configuration has no "${name} =" line to change`);
  return text.replace(line, (whole, indent: string) =>
    value === null ? `${indent}#${whole.trimStart()}  # private instance: not set` : `${indent}${name} = ${value}`,
  );
}

export interface RadiusdPaths {
  /** The copy's own directory: raddbdir, so every ${confdir}/${modconfdir} path stays in the copy. */
  raddbDir: string;
  logDir: string;
  runDir: string;
}

/**
 * radiusd.conf for a private instance: its paths in the scratch directory; no `user`/`group`
 * (a server that drops privileges cannot write the root-owned scratch directory, and its
 * `detail` module then fails accounting so that Accounting-Requests get no answer at all, while
 * authentication keeps working); no delay before an Access-Reject (one second by default,
 * which every rejecting test would wait); Status-Server answered, which is how the lab knows
 * the server is ready.
 */
export function radiusdConf(stock: string, paths: RadiusdPaths): string {
  let text = setting(stock, 'raddbdir', confString(paths.raddbDir));
  text = setting(text, 'logdir', confString(paths.logDir));
  text = setting(text, 'run_dir', confString(paths.runDir));
  text = setting(text, 'user', null);
  text = setting(text, 'group', null);
  text = setting(text, 'reject_delay', '0');
  return setting(text, 'status_server', 'yes');
}

/** The line ranges [start, end] of the top-level-in-their-section `listen { … }` blocks of a site. */
function listenBlocks(lines: string[]): [number, number][] {
  const blocks: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*listen\s*\{/.test(code(lines[i]))) continue;
    let depth = 0;
    let end = i;
    for (; end < lines.length; end++) {
      depth += braceDelta(lines[end]);
      if (depth <= 0) break;
    }
    if (depth > 0) throw new Error('a listen block in the stock site is not closed');
    blocks.push([i, end]);
    i = end;
  }
  return blocks;
}

/** Whether a virtual server opens sockets of its own (inner-tunnel, status, coa…: fixed ports two instances would fight over). */
export function siteListens(site: string): boolean {
  return listenBlocks(site.split('\n')).length > 0;
}

export interface RadiusListen {
  host: string;
  authPort: number;
  acctPort: number;
}

/**
 * The `default` virtual server with its stock listeners (any address, IPv4 and IPv6, ports
 * 1812/1813) replaced by one authentication and one accounting listener on the given address
 * and ports. Status-Server is answered on both.
 */
export function defaultSite(stock: string, listen: RadiusListen): string {
  const lines = stock.split('\n');
  const opening = lines.findIndex((line) => /^\s*server\s+default\s*\{/.test(code(line)));
  if (opening < 0) throw new Error('the stock default site has no "server default {" block');
  const blocks = listenBlocks(lines);
  if (blocks.length === 0) throw new Error('the stock default site has no listen block to replace');
  const kept = lines.filter((_, index) => !blocks.some(([start, end]) => index >= start && index <= end));
  const ours = [
    '# private instance: loopback only, on ports chosen free when it was started',
    'listen {',
    '\ttype = auth',
    `\tipaddr = ${listen.host}`,
    `\tport = ${listen.authPort}`,
    '}',
    'listen {',
    '\ttype = acct',
    `\tipaddr = ${listen.host}`,
    `\tport = ${listen.acctPort}`,
    '}',
  ];
  const at = kept.findIndex((line) => /^\s*server\s+default\s*\{/.test(code(line)));
  return [...kept.slice(0, at + 1), ...ours, ...kept.slice(at + 1)].join('\n');
}

export interface SqlModuleOptions {
  database: DatabaseLogin;
  /** Through the server's Unix socket rather than TCP (see mariadbClientOptions). */
  socket?: string;
  /** Clients from the `nas` table too, read once at start-up. */
  readClients: boolean;
}

/**
 * mods-enabled/sql, written whole rather than edited: the stock file's `mysql { tls { … } }`
 * names a CA file that does not exist, which fails the module. The queries are the stock
 * queries.conf, included from the copy.
 */
export function sqlModule(opts: SqlModuleOptions): string {
  const db = opts.database;
  // rlm_sql_mysql has no setting for a socket path: "localhost" makes the client library use
  // a Unix socket, and the path comes from mariadbClientOptions().
  const server = opts.socket ? ['\tserver = "localhost"'] : [`\tserver = ${confString(db.host)}`, `\tport = ${db.port}`];
  return [
    '# private instance: written by src/dev-tools/network-lab',
    'sql {',
    '\tdialect = "mysql"',
    '\tdriver = "rlm_sql_mysql"',
    '\tmysql {',
    '\t\twarnings = auto',
    '\t}',
    ...server,
    `\tlogin = ${confString(db.user)}`,
    `\tpassword = ${confString(db.password)}`,
    `\tradius_db = ${confString(db.database)}`,
    '\tacct_table1 = "radacct"',
    '\tacct_table2 = "radacct"',
    '\tpostauth_table = "radpostauth"',
    '\tauthcheck_table = "radcheck"',
    '\tgroupcheck_table = "radgroupcheck"',
    '\tauthreply_table = "radreply"',
    '\tgroupreply_table = "radgroupreply"',
    '\tusergroup_table = "radusergroup"',
    '\tdelete_stale_sessions = yes',
    // A lab answers a handful of requests at a time; the stock pool follows the thread pool (5 to 32).
    '\tpool {',
    '\t\tstart = 1',
    '\t\tmin = 1',
    '\t\tmax = 4',
    '\t\tspare = 2',
    '\t\tuses = 0',
    '\t\tretry_delay = 1',
    '\t\tlifetime = 0',
    '\t\tidle_timeout = 60',
    '\t}',
    `\tread_clients = ${opts.readClients ? 'yes' : 'no'}`,
    '\tclient_table = "nas"',
    '\tgroup_attribute = "SQL-Group"',
    '\t$INCLUDE ${modconfdir}/${.:name}/main/${dialect}/queries.conf',
    '}',
    '',
  ].join('\n');
}

/**
 * The client library's option file for rlm_sql_mysql, which reads the [freeradius] group of
 * my.cnf files; the lab points MARIADB_HOME at the directory holding this one. (The
 * MYSQL_UNIX_PORT variable is not read by the MariaDB client library FreeRADIUS links.)
 */
export function mariadbClientOptions(socket: string): string {
  return `# private instance: the socket rlm_sql_mysql connects through\n[freeradius]\nsocket=${socket}\n`;
}

/** clients.conf: the stock examples replaced by the one NAS the lab knows, this machine. */
export function clientsConf(secret: string): string {
  if (!secret) throw new Error('a RADIUS client secret may not be empty');
  return [
    '# private instance: written by src/dev-tools/network-lab',
    'client localhost {',
    '\tipaddr = 127.0.0.1',
    `\tsecret = ${confString(secret)}`,
    '\tshortname = localhost',
    '}',
    '',
  ].join('\n');
}
