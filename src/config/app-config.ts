import { isSupportedCountry } from 'libphonenumber-js';
import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Every setting the processes read, validated once at boot. Nothing else in the
 * code base reads process.env: modules receive the typed object through DI.
 */
const mysqlUrl = z
  .string()
  .url()
  .refine((v) => /^mysql:\/\//.test(v), { message: 'must start with mysql://' });

const ianaZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone such as America/Chicago' },
);

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyEntry(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/** Express's "trust proxy", minus `true`: trusting every hop would let any client pick the address it is throttled by. */
const trustProxy = z
  .string()
  .trim()
  .refine((v) => v === 'false' || /^\d{1,2}$/.test(v) || (v !== '' && v.split(',').every((entry) => isProxyEntry(entry.trim()))), {
    message: 'must be false, a hop count, or addresses, subnets or loopback/linklocal/uniquelocal separated by commas',
  });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: mysqlUrl,
  /**
   * The database server's Unix socket, when it runs on this machine: connections go
   * through it instead of TCP to the URL's host and port (the URL's user, password and
   * database still apply). A statement then costs both sides less CPU, which counts on a
   * small machine that runs everything. Unset or empty: TCP.
   */
  DATABASE_SOCKET: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().regex(/^\//, "must be an absolute path to the server's socket file").optional(),
  ),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^:\s]+:\d+$/, 'must be host:port')
    .default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('backhaul'),
  SMTP_URL: z
    .string()
    .refine(
      (v) => {
        if (!/^smtps?:\/\/.+/.test(v)) return false;
        try {
          return new URL(v).hostname.length > 0;
        } catch {
          return false;
        }
      },
      { message: 'must be smtp://host:port or smtps://host:port (user:password@ URL-encoded)' },
    )
    .default('smtp://127.0.0.1:2525'),
  /** Sender of every outgoing email, as a mailbox ("Name <address>") or a bare address. */
  EMAIL_FROM: z
    .string()
    .regex(/^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, 'must be an address or "Name <address>"')
    .default('Backhaul <billing@backhaul.local>'),
  /** Wait before the first retry of an email the relay deferred; each later wait doubles. Fractions allowed. */
  EMAIL_RETRY_INITIAL_SECONDS: z.coerce.number().positive().max(86_400).default(60),
  /** Longest wait between two tries of one email. */
  EMAIL_RETRY_MAX_INTERVAL_SECONDS: z.coerce
    .number()
    .positive()
    .max(7 * 86_400)
    .default(3600),
  /** An email not accepted this long after it was queued is given up as rejected. Fractions allowed. */
  EMAIL_MAX_AGE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(120),
  /** Connecting, the greeting and every later silence on the SMTP socket each give up after this long. */
  SMTP_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(30),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^sk_(test|live)_\w+$/, 'must look like sk_test_… or sk_live_…')
    .default('sk_test_backhaul'),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_\w+$/, 'must look like whsec_…')
    .default('whsec_backhaul'),
  STRIPE_API_BASE: z.string().url().optional(),
  /**
   * The publishable key of the same Stripe account, for Stripe's elements in the panel. Without it
   * (a local instance) the panel offers Stripe's test cards and bank accounts instead.
   */
  STRIPE_PUBLISHABLE_KEY: z
    .string()
    .regex(/^pk_(test|live)_\w+$/, 'must look like pk_test_… or pk_live_…')
    .optional(),
  STORAGE_DIR: z.string().min(1).default('.data/storage'),
  BILLING_TIME_ZONE: ianaZone.default('UTC'),
  CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
    .default('USD'),
  /**
   * A bill run parks (does not invoice) an account whose invoice would exceed this
   * percentage of its usual one; 500 = five times. A run can be started with its own.
   */
  BILL_RUN_SPIKE_PERCENT: z.coerce.number().int().min(101).max(100_000).default(500),
  /**
   * How many days past today a bill or autopay run may be started for. Runs for
   * past days are always allowed; a date further ahead is refused as a mistake.
   */
  RUN_DATE_HORIZON_DAYS: z.coerce.number().int().min(0).max(366).default(31),
  /**
   * The worker process's own scheduling priority (Unix niceness, 0 to 19; higher yields more).
   * On a machine the worker shares with the API, 10 keeps webhook answers and clerks' pages
   * quick while a bill run works, at the bill run's expense: it also yields to the database
   * and the Temporal server doing its own work. 0, the default, leaves the priority alone.
   */
  WORKER_NICENESS: z.coerce.number().int().min(0).max(19).default(0),
  /** Accounts a bill run invoices per activity. */
  BILL_RUN_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
  /** Days after a failed autopay charge on which the daily autopay run tries again, e.g. "1,3"; empty for no retries. */
  AUTOPAY_RETRY_DAYS: z
    .string()
    .regex(/^(\d{1,3}(,\d{1,3})*)?$/, 'must be day counts separated by commas, e.g. 1,3')
    .default('1,3'),
  /** Printed at the top of invoices, statements and receipts. */
  COMPANY_NAME: z.string().min(1).max(200).default('Backhaul Networks'),
  /** The company's postal address for documents, lines separated by "|". */
  COMPANY_ADDRESS: z.string().max(500).default('100 Fiber Way|Springfield, IL 62701'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  /** Failed logins an account or a client address may make before each further try has to wait. */
  LOGIN_THROTTLE_FREE_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  /** The first wait, in seconds; every further failure doubles it. Fractions allowed. */
  LOGIN_THROTTLE_BASE_SECONDS: z.coerce.number().positive().max(3600).default(1),
  /** The longest wait between two tries, in seconds. */
  LOGIN_THROTTLE_MAX_SECONDS: z.coerce.number().positive().max(86_400).default(900),
  /** Failures are forgotten this long after the last one (and at once for an address that then logs in). */
  LOGIN_THROTTLE_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
  /**
   * Which hops may say who the client is through X-Forwarded-For and X-Forwarded-Proto:
   * "false" (none), a hop count, or addresses, subnets and the names loopback, linklocal, uniquelocal.
   */
  TRUST_PROXY: trustProxy.default('loopback'),
  ADMIN_DIST_DIR: z.string().default('admin/dist'),
  /**
   * The PKCS#12 file (key and certificate) that signs signed contracts' PDFs. Without it an
   * instance that is not in production makes a self-signed one under STORAGE_DIR on first use;
   * production refuses to sign until it is set.
   */
  CONTRACT_SIGNING_P12: z.string().min(1).optional(),
  CONTRACT_SIGNING_P12_PASSPHRASE: z.string().default(''),
  /** Where subscribers open links the product emails them (the signing page), e.g. https://billing.example.net. */
  PUBLIC_BASE_URL: z.string().url().default('http://localhost:3000'),
  /**
   * When reminders of a signing request go out, counted from when it was (last) sent: durations
   * with a unit (s, m, h or d) separated by commas, e.g. "3d,7d"; empty for none.
   */
  CONTRACT_SIGNING_REMINDERS: z
    .string()
    .regex(/^(\d{1,6}[smhd](,\d{1,6}[smhd])*)?$/, 'must be durations such as 3d,7d (units s, m, h, d)')
    .default('3d,7d'),
  /** How long a signing request stays open, as a duration with a unit, e.g. "14d". */
  CONTRACT_SIGNING_EXPIRES_AFTER: z
    .string()
    .regex(/^\d{1,6}[smhd]$/, 'must be a duration such as 14d (units s, m, h, d)')
    .default('14d'),
  /**
   * How often a signing request's workflow looks at its request between its own timers, so a
   * signature whose signal was lost (Temporal unreachable at that moment) ends it within this long.
   */
  CONTRACT_SIGNING_CHECK_EVERY: z
    .string()
    .regex(/^\d{1,6}[smhd]$/, 'must be a duration such as 1h (units s, m, h, d)')
    .default('1h'),
  /** Days before a contract's expiry that a renewal task is left on its account. */
  CONTRACT_RENEWAL_NOTICE_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  /**
   * The database the RADIUS server reads its users from, in FreeRADIUS's own SQL schema (radcheck,
   * radreply, radusergroup, radgroupreply, nas). Unset: no RADIUS server, and RADIUS accounts are
   * kept in Backhaul only.
   */
  RADIUS_DATABASE_URL: mysqlUrl.optional(),
  /**
   * The RADIUS server's authentication address (host:port). Provisioning asks it Status-Server before
   * writing, so changes wait in Temporal while the server is down instead of landing unseen.
   */
  RADIUS_SERVER: z
    .string()
    .regex(/^[^\s:]+:\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:1812')
    .optional(),
  /** The shared secret Backhaul uses as a RADIUS client of that server (for Status-Server). */
  RADIUS_SECRET: z.string().min(1).default('backhaul-radius'),
  /** The longest wait between two tries of a provisioning pass while a server is down, e.g. "1m". */
  NETWORK_SYNC_RETRY_CEILING: z
    .string()
    .regex(/^\d{1,6}[smhd]$/, 'must be a duration such as 1m (units s, m, h, d)')
    .default('1m'),
  /** How long an account's provisioning run waits for another change before it ends, e.g. "10m". */
  NETWORK_SYNC_IDLE: z
    .string()
    .regex(/^\d{1,6}[smhd]$/, 'must be a duration such as 10m (units s, m, h, d)')
    .default('10m'),
  /** Largest account file upload, in bytes (500 MB by default). */
  FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(50 * 1024 ** 3)
    .default(500 * 1024 ** 2),
  /**
   * The helpdesk mailbox tickets read mail from, as imap://user:password@host:port/Folder (imaps://
   * for TLS; user and password URL-encoded; the folder defaults to INBOX). Unset: no inbound mail.
   */
  INBOUND_MAIL_IMAP_URL: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .trim()
      .refine(
        (v) => {
          try {
            const url = new URL(v);
            return /^imaps?:$/.test(url.protocol) && url.hostname !== '' && url.username !== '' && url.password !== '';
          } catch {
            return false;
          }
        },
        { message: 'must be imap://user:password@host:port/Folder or imaps://… (user and password URL-encoded)' },
      )
      .optional(),
  ),
  /** How long the mailbox is left between two looks once it is drained; "check now" wakes it sooner. */
  INBOUND_MAIL_POLL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** A message larger than this (in bytes, as the server counts it) is not read: it is kept as rejected, with its headers. */
  INBOUND_MAIL_MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 ** 3)
    .default(25 * 1024 ** 2),
  /** An attachment larger than this (bytes) is dropped from the ticket, with a note saying so. */
  INBOUND_MAIL_MAX_ATTACHMENT_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(1024 ** 3)
    .default(10 * 1024 ** 2),
  /** Whether images a message links from the internet stay in its HTML ("true"); by default they are removed. */
  INBOUND_MAIL_REMOTE_IMAGES: z.enum(['true', 'false']).default('false'),
  /**
   * The folder switches drop call records (CDR files) into; the worker takes each complete file from
   * it into storage and imports it (docs/voice.md, "The watched folder"). Unset: <STORAGE_DIR>/voice-cdr-inbox.
   */
  VOICE_CDR_FOLDER: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().min(1).optional()),
  /** How often the worker looks in the folder. */
  VOICE_CDR_FOLDER_SCAN_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** A file in the folder is taken once it has not changed for this long, so a file still being written is left alone. */
  VOICE_CDR_FOLDER_SETTLE_SECONDS: z.coerce.number().min(0).max(3600).default(10),
  /** Largest CDR file accepted, by upload or from the folder, in bytes (2 GB by default). */
  VOICE_CDR_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(50 * 1024 ** 3)
    .default(2 * 1024 ** 3),
  /** The country a switch's numbers written without a country code belong to (ISO 3166 alpha-2), unless a file says otherwise. */
  VOICE_DEFAULT_COUNTRY: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as US')
    .refine((code) => isSupportedCountry(code), { message: 'must be a country whose phone numbers are known, such as US' })
    .default('US'),
  /** The switch's time zone, for call records written in local time, unless a file says otherwise. Unset: BILLING_TIME_ZONE. */
  VOICE_CDR_TIME_ZONE: ianaZone.optional(),
});

export type AppConfig = Readonly<z.infer<typeof schema>>;

export class InvalidConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new InvalidConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return Object.freeze(parsed.data);
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** TRUST_PROXY in the form Express's "trust proxy" setting takes. */
export function trustProxySetting(config: AppConfig): boolean | number | string {
  if (config.TRUST_PROXY === 'false') return false;
  if (/^\d+$/.test(config.TRUST_PROXY)) return Number(config.TRUST_PROXY);
  return config.TRUST_PROXY;
}
