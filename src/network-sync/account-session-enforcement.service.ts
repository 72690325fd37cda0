import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundException } from '../common/errors';
import { daCodeName, ERROR_CAUSES } from './dynamic-authorization';
import type { AccountSessionEnforcementDto, SessionEnforcementRequestDto, SessionRestrictionDto } from './dto/session-enforcement.dto';
import { NetworkDesiredState } from './network-desired-state';
import { SessionProfiles } from './session-profiles';

const REQUESTS_SHOWN = 20;

const iso = (at: Date | null) => (at ? at.toISOString() : null);
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** What the account's live sessions were told and answered, and the limit it is under now. */
@Injectable()
export class AccountSessionEnforcementService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly desired: NetworkDesiredState,
    private readonly profiles: SessionProfiles,
  ) {}

  async of(accountId: number): Promise<AccountSessionEnforcementDto> {
    const em = this.db.manager;
    const [account]: { id: number }[] = await em.query('SELECT id FROM accounts WHERE id = ?', [accountId]);
    if (!account) throw new NotFoundException('Account', accountId);
    const profile = (await this.profiles.of(em, [accountId], await this.desired.dataServicesOf(em, [accountId]))).get(accountId);
    const [applied]: { restriction: SessionRestrictionDto['reason'] | null; download_kbps: number; upload_kbps: number; since: Date }[] =
      await em.query('SELECT restriction, download_kbps, upload_kbps, since FROM session_enforcement_accounts WHERE account_id = ?', [
        accountId,
      ]);
    const [{ n }]: { n: number }[] = await em.query(
      'SELECT COUNT(*) AS n FROM usage_sessions WHERE account_id = ? AND stopped_at IS NULL',
      [accountId],
    );
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT r.*, s.username, s.session_id, s.framed_address, n.name AS nas_name
         FROM session_enforcement_requests r
         JOIN usage_sessions s ON s.id = r.usage_session_id
         LEFT JOIN nas_devices n ON n.id = r.nas_device_id
        WHERE r.account_id = ? ORDER BY r.id DESC LIMIT ?`,
      [accountId, REQUESTS_SHOWN],
    );
    return {
      accountId,
      restriction: profile?.restriction ?? null,
      applied: applied
        ? {
            restriction: applied.restriction
              ? { reason: applied.restriction, downloadKbps: Number(applied.download_kbps), uploadKbps: Number(applied.upload_kbps) }
              : null,
            since: applied.since.toISOString(),
          }
        : null,
      openSessions: Number(n),
      requests: rows.map(requestView),
    };
  }
}

function requestView(r: Record<string, unknown>): SessionEnforcementRequestDto {
  const errorCause = num(r.error_cause);
  const replyCode = num(r.reply_code);
  return {
    id: Number(r.id),
    kind: r.kind as SessionEnforcementRequestDto['kind'],
    purpose: r.purpose as SessionEnforcementRequestDto['purpose'],
    reason: (r.restriction as SessionEnforcementRequestDto['reason']) ?? null,
    downloadKbps: num(r.download_kbps),
    uploadKbps: num(r.upload_kbps),
    username: r.username as string,
    acctSessionId: r.session_id as string,
    framedAddress: (r.framed_address as string | null) ?? null,
    nas: { id: num(r.nas_device_id), name: (r.nas_name as string | null) ?? null, address: r.nas_address as string },
    status: r.status as SessionEnforcementRequestDto['status'],
    attempts: Number(r.attempts),
    reply: replyCode === null ? null : (daCodeName(replyCode) ?? String(replyCode)),
    errorCause,
    errorCauseText: errorCause === null ? null : (ERROR_CAUSES[errorCause] ?? null),
    failure: (r.failure as string | null) ?? null,
    createdAt: (r.created_at as Date).toISOString(),
    sentAt: iso(r.sent_at as Date | null),
    answeredAt: iso(r.answered_at as Date | null),
  };
}
