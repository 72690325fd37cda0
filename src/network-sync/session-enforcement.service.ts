import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isIPv4 } from 'node:net';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { transactionWithRetry } from '../database/transaction';
import { DA_ATTRIBUTES, DA_CODES, type DaAttribute, type DaAttributeName, encodeDaRequest } from './dynamic-authorization';
import { exchangeWithNas } from './nas-exchange';
import { speedReplies } from './radius-state';
import type { RestrictionReason, SessionProfile, SpeedProfile } from './session-profiles';

/** How long one transmission waits for the NAS's answer before the request counts as unanswered this time. */
export const NAS_ANSWER_WITHIN_MS = 3_000;
/** A request the NAS has not answered for this long is given up: the run must not wait on a NAS forever. */
const GIVE_UP_AFTER_MS = 24 * 3_600_000;
/** Looked at again just after midnight UTC, when usage periods turn, while an account is slowed at its cap. */
const AFTER_MIDNIGHT_SECONDS = 5;

/** What a session runs at: its data service's speed, or a limit. */
type SessionState = { limited: false } | ({ limited: true } & SpeedProfile);

const NORMAL: SessionState = { limited: false };
const same = (a: SessionState, b: SessionState) =>
  a.limited === b.limited && (!a.limited || (b.limited && a.downloadKbps === b.downloadKbps && a.uploadKbps === b.uploadKbps));

interface OpenSession {
  id: number;
  username: string;
  session_id: string;
  framed_address: string | null;
  nas_address: string;
  started_at: Date;
  nas_device_id: number | null;
  disconnect_to_limit: number | null;
}

interface TellRow {
  id: number;
  usage_session_id: number;
  kind: 'coa' | 'disconnect';
  purpose: 'restrict' | 'restore';
  status: 'pending' | 'acked' | 'naked';
  download_kbps: number | null;
  upload_kbps: number | null;
}

interface PendingRow {
  id: number;
  kind: 'coa' | 'disconnect';
  identifier: number;
  attributes: string | DaAttribute[];
  attempts: number;
  created_at: Date;
  stopped_at: Date | null;
  session_id: string;
  username: string;
  nas_name: string | null;
  nas_host: string | null;
  nas_secret: string | null;
  coa_port: number | null;
}

export interface EnforcementPlan {
  /** Requests waiting to be sent (new ones and any still unanswered). */
  pending: number;
  /** While the account is slowed at its cap: seconds until its run should look again (the next midnight UTC). */
  recheckInSeconds: number | null;
  /** Sessions that could not be told, in words. */
  skipped: string[];
}

export interface EnforcementSent {
  acked: number;
  naked: number;
  failed: number;
}

/** The speed attributes radreply gives a data service, as a request carries them. */
const speedAttributes = (profile: SpeedProfile): DaAttribute[] =>
  speedReplies(profile.downloadKbps, profile.uploadKbps).map((pair) => {
    const name = pair.attribute as DaAttributeName;
    return [name, DA_ATTRIBUTES[name].valueType === 'integer' ? Number(pair.value) : pair.value];
  });

/** RFC 5176 3: the session is named by its login and accounting session id, and its address when accounting gave one. */
const sessionAttributes = (session: OpenSession): DaAttribute[] => [
  ['User-Name', session.username],
  ['Acct-Session-Id', session.session_id],
  ...(session.framed_address && isIPv4(session.framed_address) ? [['Framed-IP-Address', session.framed_address] as DaAttribute] : []),
];

const secondsToNextMidnightUtc = (now: Date) => {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.ceil((next - now.getTime()) / 1000);
};

/**
 * Brings an account's live RADIUS sessions (the open session runs accounting reported) to the
 * profile the account should have: a CoA-Request with the limited profile, or with the data
 * service's on restore; a Disconnect-Request where the NAS cannot change a live session.
 *
 * Planning and sending are apart. A provisioning pass plans: in one transaction it compares what
 * each session was last told (its latest request, or the profile the RADIUS replies gave when it
 * logged in) with what it should have, and writes a request only where they differ. The pass's
 * activity then sends what is pending, once per try, until the NAS answers. So a pass repeated
 * plans nothing new, and each change reaches each session once.
 */
@Injectable()
export class SessionEnforcementService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async plan(accountId: number, profile: SessionProfile | undefined): Promise<EnforcementPlan> {
    const now = this.clock.now();
    return transactionWithRetry(this.db, async (em) => {
      const skipped: string[] = [];
      await em.query('INSERT IGNORE INTO session_enforcement_accounts (account_id, since) VALUES (?, ?)', [accountId, now]);
      const [applied]: { restriction: RestrictionReason | null; download_kbps: number | null; upload_kbps: number | null; since: Date }[] =
        await em.query(
          'SELECT restriction, download_kbps, upload_kbps, since FROM session_enforcement_accounts WHERE account_id = ? FOR UPDATE',
          [accountId],
        );
      if (profile && !profile.hold) {
        const wanted: SessionState = profile.restriction ? { limited: true, ...profile.restriction } : NORMAL;
        // What the RADIUS replies gave since `since`, so what a session that logged in since then runs at.
        const given: SessionState =
          applied.restriction === null
            ? NORMAL
            : { limited: true, downloadKbps: Number(applied.download_kbps), uploadKbps: Number(applied.upload_kbps) };
        for (const session of await this.openSessions(em, accountId)) {
          const atLogin = session.started_at >= applied.since ? given : NORMAL;
          const told = await this.tell(em, accountId, session, atLogin, wanted, profile, now);
          if (told) skipped.push(told);
        }
        if (!same(given, wanted)) {
          await em.query(
            'UPDATE session_enforcement_accounts SET restriction = ?, download_kbps = ?, upload_kbps = ?, since = ? WHERE account_id = ?',
            [
              profile.restriction?.reason ?? null,
              profile.restriction?.downloadKbps ?? null,
              profile.restriction?.uploadKbps ?? null,
              now,
              accountId,
            ],
          );
        } else if (applied.restriction !== (profile.restriction?.reason ?? null)) {
          // Limited for another reason at the same speed: what sessions were given is unchanged, so is `since`.
          await em.query('UPDATE session_enforcement_accounts SET restriction = ? WHERE account_id = ?', [
            profile.restriction?.reason,
            accountId,
          ]);
        }
      }
      const [{ n }]: { n: number }[] = await em.query(
        "SELECT COUNT(*) AS n FROM session_enforcement_requests WHERE account_id = ? AND status = 'pending'",
        [accountId],
      );
      return {
        pending: Number(n),
        recheckInSeconds: profile?.restriction?.reason === 'cap' ? secondsToNextMidnightUtc(now) + AFTER_MIDNIGHT_SECONDS : null,
        skipped,
      };
    });
  }

  /**
   * Sends every request of the account still waiting for its NAS, one transmission each, side by
   * side. A retransmission is the same packet (same identifier, same authenticator), so a NAS that
   * acted on the first and lost its answer sees a duplicate and answers again. Throws while any NAS
   * has not answered, so Temporal tries again with backoff; an ACK or a NAK is final.
   */
  async send(accountId: number): Promise<EnforcementSent> {
    const rows: PendingRow[] = await this.db.query(
      `SELECT r.id, r.kind, r.identifier, r.attributes, r.attempts, r.created_at, s.stopped_at, s.session_id, s.username,
              n.name AS nas_name, n.address AS nas_host, n.secret AS nas_secret, n.coa_port
         FROM session_enforcement_requests r
         JOIN usage_sessions s ON s.id = r.usage_session_id
         LEFT JOIN nas_devices n ON n.id = r.nas_device_id
        WHERE r.account_id = ? AND r.status = 'pending' ORDER BY r.id`,
      [accountId],
    );
    const sent: EnforcementSent = { acked: 0, naked: 0, failed: 0 };
    const unanswered: string[] = [];
    const now = this.clock.now();
    await Promise.all(
      rows.map(async (row) => {
        const giveUp = this.reasonToGiveUp(row, now);
        if (giveUp) {
          if (await this.fail(this.db.manager, row.id, giveUp)) sent.failed++;
          return;
        }
        const code = row.kind === 'coa' ? DA_CODES['CoA-Request'] : DA_CODES['Disconnect-Request'];
        const attributes = typeof row.attributes === 'string' ? (JSON.parse(row.attributes) as DaAttribute[]) : row.attributes;
        const packet = encodeDaRequest(code, Number(row.identifier), attributes, row.nas_secret as string);
        await this.db.query(
          'UPDATE session_enforcement_requests SET attempts = attempts + 1, sent_at = COALESCE(sent_at, ?), last_sent_at = ? WHERE id = ?',
          [this.clock.now(), this.clock.now(), row.id],
        );
        const reply = await exchangeWithNas(
          row.nas_host as string,
          Number(row.coa_port),
          packet,
          row.nas_secret as string,
          NAS_ANSWER_WITHIN_MS,
        );
        if (!reply) {
          const name = row.kind === 'coa' ? 'CoA-Request' : 'Disconnect-Request';
          unanswered.push(
            `The NAS "${row.nas_name}" at ${row.nas_host}:${row.coa_port} did not answer the ${name} for session ${row.session_id} of ${row.username} within ${NAS_ANSWER_WITHIN_MS} ms (sent ${Number(row.attempts) + 1} times)`,
          );
          return;
        }
        const acked = reply.codeName === 'CoA-ACK' || reply.codeName === 'Disconnect-ACK';
        await this.db.query(
          "UPDATE session_enforcement_requests SET status = ?, reply_code = ?, error_cause = ?, answered_at = ? WHERE id = ? AND status = 'pending'",
          [acked ? 'acked' : 'naked', reply.code, reply.errorCause, this.clock.now(), row.id],
        );
        if (acked) sent.acked++;
        else sent.naked++;
      }),
    );
    if (unanswered.length) throw new Error(`${unanswered.join('; ')}: sent again until it answers`);
    return sent;
  }

  /**
   * What the session should be told, if anything, written as a pending request; a sentence when it
   * cannot be told. A session runs at what its latest CoA gave it, or else at what it logged in
   * with; a session cut (or being cut) is told nothing more.
   */
  private async tell(
    em: EntityManager,
    accountId: number,
    session: OpenSession,
    atLogin: SessionState,
    wanted: SessionState,
    profile: SessionProfile,
    now: Date,
  ): Promise<string | null> {
    if (session.nas_device_id === null) {
      return `session ${session.session_id} of ${session.username} is on ${session.nas_address}, which is not a NAS device: it cannot be told`;
    }
    const told: TellRow[] = await em.query(
      `SELECT id, usage_session_id, kind, purpose, status, download_kbps, upload_kbps FROM session_enforcement_requests
        WHERE usage_session_id = ? AND status <> 'failed' ORDER BY id`,
      [session.id],
    );
    // Cut, being cut, or refused by the NAS (final): nothing more is sent to this session.
    if (told.some((r) => r.kind === 'disconnect')) return null;
    const last = told.at(-1);
    const current: SessionState = !last
      ? atLogin
      : last.purpose === 'restore'
        ? NORMAL
        : { limited: true, downloadKbps: Number(last.download_kbps), uploadKbps: Number(last.upload_kbps) };
    if (same(current, wanted)) return null;
    const purpose = wanted.limited ? 'restrict' : 'restore';
    const speed = wanted.limited ? wanted : profile.normal;
    const disconnect = Number(session.disconnect_to_limit) === 1;
    if (!disconnect && !speed)
      return `session ${session.session_id} of ${session.username} keeps its limit until it reconnects: the account has no data service to restore`;
    // A request not yet answered would land after this one: it is withdrawn.
    if (last?.status === 'pending') await this.fail(em, last.id, 'superseded by a newer request before the NAS answered');
    if (disconnect) {
      // The NAS cannot change a live session, so it is cut and logs in again with what FreeRADIUS gives now; on restore too,
      // so that one that logged in limited is not left slow until it happens to reconnect.
      await this.request(em, accountId, session, 'disconnect', purpose, profile, sessionAttributes(session), now);
      return null;
    }
    const attributes = [...sessionAttributes(session), ...speedAttributes(speed as SpeedProfile)];
    await this.request(em, accountId, session, 'coa', purpose, profile, attributes, now);
    return null;
  }

  private async request(
    em: EntityManager,
    accountId: number,
    session: OpenSession,
    kind: 'coa' | 'disconnect',
    purpose: 'restrict' | 'restore',
    profile: SessionProfile,
    attributes: DaAttribute[],
    now: Date,
  ): Promise<void> {
    const speed = kind === 'coa' ? (purpose === 'restrict' ? profile.restriction : profile.normal) : null;
    const result: { insertId: number } = await em.query(
      `INSERT INTO session_enforcement_requests (account_id, usage_session_id, nas_device_id, nas_address, kind, purpose, restriction,
         download_kbps, upload_kbps, identifier, attributes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
      [
        accountId,
        session.id,
        session.nas_device_id,
        session.nas_address,
        kind,
        purpose,
        purpose === 'restrict' ? (profile.restriction?.reason ?? null) : null,
        speed?.downloadKbps ?? null,
        speed?.uploadKbps ?? null,
        JSON.stringify(attributes),
        now,
      ],
    );
    // Identifiers cycle through the 256 a RADIUS header holds; consecutive requests never share one.
    await em.query('UPDATE session_enforcement_requests SET identifier = id % 256 WHERE id = ?', [result.insertId]);
  }

  private reasonToGiveUp(row: PendingRow, now: Date): string | null {
    if (row.nas_host === null) return 'the NAS device was deleted before it answered';
    if (row.stopped_at !== null) return 'the session ended before the NAS answered';
    if (Number(row.attempts) > 0 && now.getTime() - row.created_at.getTime() > GIVE_UP_AFTER_MS) return 'the NAS did not answer for a day';
    return null;
  }

  private async fail(em: EntityManager, id: number, failure: string): Promise<boolean> {
    const result: { affectedRows: number } = await em.query(
      "UPDATE session_enforcement_requests SET status = 'failed', failure = ?, answered_at = ? WHERE id = ? AND status = 'pending'",
      [failure, this.clock.now(), id],
    );
    return result.affectedRows > 0;
  }

  /** The account's sessions accounting reports open, each with the NAS device it is on (by address), when it is one. */
  private async openSessions(em: EntityManager, accountId: number): Promise<OpenSession[]> {
    const rows: OpenSession[] = await em.query(
      `SELECT s.id, s.username, s.session_id, s.framed_address, s.nas_address, s.started_at, n.id AS nas_device_id, n.disconnect_to_limit
         FROM usage_sessions s LEFT JOIN nas_devices n ON n.address = s.nas_address
        WHERE s.account_id = ? AND s.stopped_at IS NULL ORDER BY s.id`,
      [accountId],
    );
    return rows.map((r) => ({ ...r, id: Number(r.id), nas_device_id: r.nas_device_id === null ? null : Number(r.nas_device_id) }));
  }
}
