// A private Dovecot IMAP server for `npm run dev` and `npm test`: a generated configuration in a
// scratch directory, listening on loopback only, users from a passwd-file, mail in Maildirs under
// the same directory. No system service, nothing under /etc or /var.
// Node built-ins only: scripts/ runs before `npm ci` (test/commands/scripts-before-install.spec.ts).
import { execFileSync } from 'node:child_process';
import { chownSync, lstatSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { start } from './processes.mjs';
import { canConnect, DOVECOT_BIN, waitFor } from './setup.mjs';

/**
 * Who the server's processes run as. Dovecot's login processes refuse to run as root and it
 * never opens mail as root, so as root it uses the unprivileged users Debian's package creates
 * (dovenull for logins, dovecot for everything else, mail included); as anyone else every
 * process is simply that user.
 */
function identities() {
  if (process.getuid?.() !== 0) {
    const me = userInfo();
    const group = execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim();
    return { internalUser: me.username, internalGroup: group, loginUser: me.username, uid: me.uid, gid: me.gid };
  }
  const id = (flag, name) => Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim());
  return { internalUser: 'dovecot', internalGroup: 'dovecot', loginUser: 'dovenull', uid: id('-u', 'dovecot'), gid: id('-g', 'dovecot') };
}

/** The passwd-file line of one mailbox: `name:{PLAIN}password:uid:gid::home`. */
function passwdLine({ name, password }, dir, who) {
  if (!/^[A-Za-z0-9._%+@-]+$/.test(name)) throw new Error(`Mailbox name "${name}" has characters a passwd-file line cannot hold`);
  if (/[:\n]/.test(password)) throw new Error(`The password of ${name} may not contain ":" or a line break`);
  return `${name}:{PLAIN}${password}:${who.uid}:${who.gid}::${join(dir, 'mail', name)}\n`;
}

/** dovecot.conf for a server of its own; exported for the set-up's own test. */
export function dovecotConf({ dir, port, who }) {
  return `# Written by Backhaul's set-up for a private IMAP server; regenerated at every start.
base_dir = ${join(dir, 'run')}
state_dir = ${join(dir, 'state')}
instance_name = backhaul-imap-${port}
listen = 127.0.0.1
protocols = imap
ssl = no
# Loopback only, and no TLS: plain passwords are allowed here, and nowhere else.
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
log_path = /dev/stderr
default_internal_user = ${who.internalUser}
default_internal_group = ${who.internalGroup}
default_login_user = ${who.loginUser}
first_valid_uid = ${who.uid}
last_valid_uid = ${who.uid}
first_valid_gid = ${who.gid}
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${join(dir, 'users')}
}
userdb {
  driver = passwd-file
  args = username_format=%u ${join(dir, 'users')}
}
protocol imap {
  # Tests poll and append from many connections at once.
  mail_max_userip_connections = 200
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`;
}

function chownTree(path, uid, gid) {
  chownSync(path, uid, gid);
  if (!lstatSync(path).isDirectory()) return;
  for (const entry of readdirSync(path)) chownTree(join(path, entry), uid, gid);
}

/**
 * Starts Dovecot on `port` with the given mailboxes (`{ name, password }`), its files under `dir`
 * (the configuration, `users`, `mail/<name>/Maildir`, its sockets and state), and resolves once
 * it accepts connections. Mail already in `dir` from an earlier start is kept. The process is
 * one that stopAll() stops; its output goes to the `dovecot` log like the other services'.
 */
export async function startDovecot({ dir, port, mailboxes, quiet = false, name = 'dovecot' }) {
  dir = resolve(dir);
  const who = identities();
  for (const sub of ['mail', 'state']) mkdirSync(join(dir, sub), { recursive: true });
  // Sockets and the pid file of a server that did not stop cleanly would stop this one starting.
  rmSync(join(dir, 'run'), { recursive: true, force: true });
  mkdirSync(join(dir, 'run'));
  writeFileSync(join(dir, 'dovecot.conf'), dovecotConf({ dir, port, who }));
  writeFileSync(join(dir, 'users'), mailboxes.map((m) => passwdLine(m, dir, who)).join(''), { mode: 0o600 });
  // The mail processes (not root) read the users and write the Maildirs.
  if (process.getuid?.() === 0) chownTree(dir, who.uid, who.gid);
  const child = start(name, DOVECOT_BIN, ['-F', '-c', join(dir, 'dovecot.conf')], { quiet });
  let exited = false;
  child.once('exit', () => (exited = true));
  await waitFor(`Dovecot on :${port}`, async () => {
    if (exited) throw new Error(`Dovecot exited during start-up; see its log (${name})`);
    return canConnect('127.0.0.1', port, 500);
  });
  return { child, host: '127.0.0.1', port, dir };
}

/** imap://name:password@127.0.0.1:port/folder, the form INBOUND_MAIL_IMAP_URL takes. */
export function imapUrl({ host, port }, { name, password }, folder = 'INBOX') {
  return `imap://${encodeURIComponent(name)}:${encodeURIComponent(password)}@${host}:${port}/${encodeURIComponent(folder)}`;
}

/** Dovecot's delivery agent, as Debian installs it: what a mail server hands a local mailbox's mail to. */
export const DOVECOT_LDA = '/usr/lib/dovecot/dovecot-lda';

/** Delivers one message (its RFC 5322 text) into a mailbox of the server whose files are in `dir`. */
export function deliverMail({ dir, mailbox, message }) {
  execFileSync(DOVECOT_LDA, ['-c', join(resolve(dir), 'dovecot.conf'), '-d', mailbox], {
    input: message,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
}
