// What the benchmark scripts share: stopping one child, naming scratch databases,
// reading an API answer, calling something at a steady rate, and posting webhook events.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/** Stops one of our children (its whole process group) and waits for it; the others stay up. */
export async function stopChild(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  await gone;
}

/** The URL of database `name` on the server of `server` (a URL). */
export function databaseUrl(server, name) {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The JSON body of an API answer; an answer other than 2xx throws with its status and body. */
export async function okJson(res) {
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(body)}`);
  return body;
}

/**
 * The database server's settings that move these figures most, in words: its buffer pool and redo
 * log (docs/operations.md), and how each commit reaches the disk.
 */
export async function databaseSettings(mysql, url) {
  const conn = await mysql.createConnection(url);
  try {
    const [[row]] = await conn.query(
      'SELECT @@version AS version, @@innodb_buffer_pool_size AS pool, @@innodb_log_file_size AS redo, @@innodb_flush_log_at_trx_commit AS flush',
    );
    const mib = (bytes) => `${Math.round(Number(bytes) / 2 ** 20)} MiB`;
    return `the database ${row.version}, buffer pool ${mib(row.pool)}, redo log ${mib(row.redo)}, innodb_flush_log_at_trx_commit ${row.flush}`;
  } finally {
    await conn.end();
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const sleepUntil = (at) => sleep(Math.max(0, at - performance.now()));

/** Fires call(i) once every 1/rate seconds, never waiting for the previous one; answers every result and the seconds it took. */
export async function atRate(total, rate, call) {
  const interval = 1000 / rate;
  const began = performance.now();
  const pending = [];
  for (let i = 0; i < total; i++) {
    await sleepUntil(began + i * interval);
    pending.push(call(i));
  }
  const results = await Promise.all(pending);
  return { results, seconds: (performance.now() - began) / 1000 };
}

/** Kept-alive connections, as a processor's delivery fleet keeps them: no connect per event. */
const webhookAgent = new Agent({ keepAlive: true, maxSockets: 256 });

let resentOnNewConnection = 0;

/** How many posts met a kept-alive connection the API had just closed and were sent again. */
export const webhookResends = () => resentOnNewConnection;

/**
 * Posts one signed event and answers the status once the whole answer is read. Plain
 * node:http rather than fetch: the sender shares the two cores with what it measures, and
 * the lighter it is, the less its own delays show up in the answer times. A kept-alive
 * connection the server closed just as it was reused is Node's documented race: the post
 * is sent once more on a new connection, as a processor would, and its time includes both.
 */
export function postWebhook(url, payload, signature, retried = false) {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent: webhookAgent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), 'stripe-signature': signature },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
        res.on('error', reject);
      },
    );
    req.on('error', (err) => {
      if (!retried && req.reusedSocket && err.code === 'ECONNRESET') {
        resentOnNewConnection += 1;
        postWebhook(url, payload, signature, true).then(resolve, reject);
      } else {
        reject(err);
      }
    });
    req.end(payload);
  });
}
