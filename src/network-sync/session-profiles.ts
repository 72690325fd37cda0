import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SessionEnforcementSettingsService } from './session-enforcement-settings.service';
import { USAGE_CAPS, type UsageCaps } from './usage-caps';

export interface SpeedProfile {
  downloadKbps: number;
  uploadKbps: number;
}

export type RestrictionReason = 'delinquency' | 'cap';

export interface Restriction extends SpeedProfile {
  reason: RestrictionReason;
}

/** What an account's sessions should run at now. */
export interface SessionProfile {
  /** The limit the account is under, or null: its data service's speed. */
  restriction: Restriction | null;
  /** The data service's speed, the profile a restored session gets back; null without a data service. */
  normal: SpeedProfile | null;
  /**
   * A status that neither counts as active nor is a delinquency (a disconnected account): its
   * logins are refused, and its live sessions are left as they are rather than restored.
   */
  hold: boolean;
}

/** The data service an account's sessions get their speed from, and its usage policy. */
export interface DataServiceOfAccount extends SpeedProfile {
  serviceId: number;
  usagePolicyId: number | null;
}

/**
 * Decides which accounts are limited on the network, and to what: a delinquency status limits an
 * account to the delinquent profile of the settings; otherwise a usage policy that slows at the
 * cap limits an account that has reached it to the policy's slow profile. Delinquency wins when
 * both hold: it is the billing team's decision, and the cap comes back by itself once it is paid.
 * The same answer feeds the RADIUS replies (what a new session gets) and the live sessions.
 */
@Injectable()
export class SessionProfiles {
  constructor(
    private readonly settings: SessionEnforcementSettingsService,
    // Bound by the usage domain, which imports this module and so cannot be imported back (usage-caps.ts); absent, nobody is capped.
    @Optional() @Inject(USAGE_CAPS) private readonly caps: UsageCaps | null,
  ) {}

  async of(em: EntityManager, accountIds: number[], services: Map<number, DataServiceOfAccount>): Promise<Map<number, SessionProfile>> {
    const profiles = new Map<number, SessionProfile>();
    if (!accountIds.length) return profiles;
    const accounts: { id: number; is_delinquency: number; counts_as_active: number }[] = await em.query(
      `SELECT a.id, st.is_delinquency, st.counts_as_active FROM accounts a JOIN account_statuses st ON st.id = a.account_status_id
        WHERE a.id IN (?)`,
      [accountIds],
    );
    const delinquent = accounts.some((a) => Number(a.is_delinquency)) ? await this.settings.delinquentProfile(em) : null;
    const capped = await this.overCap(
      em,
      accounts.filter((a) => !Number(a.is_delinquency) && services.get(Number(a.id))?.usagePolicyId != null).map((a) => Number(a.id)),
      services,
    );
    for (const account of accounts) {
      const id = Number(account.id);
      const service = services.get(id);
      const restriction: Restriction | null =
        delinquent && Number(account.is_delinquency) ? { reason: 'delinquency', ...delinquent } : (capped.get(id) ?? null);
      profiles.set(id, {
        restriction,
        normal: service ? { downloadKbps: service.downloadKbps, uploadKbps: service.uploadKbps } : null,
        hold: !restriction && !Number(account.counts_as_active),
      });
    }
    return profiles;
  }

  /** The accounts among these over a cap that slows them, with their policy's slow profile. */
  private async overCap(
    em: EntityManager,
    accountIds: number[],
    services: Map<number, DataServiceOfAccount>,
  ): Promise<Map<number, Restriction>> {
    const limited = new Map<number, Restriction>();
    if (!accountIds.length || !this.caps) return limited;
    const over = await this.caps.overCap(em, accountIds);
    if (!over.size) return limited;
    const policyIds = [...new Set([...over].map((id) => services.get(id)?.usagePolicyId).filter((p): p is number => p != null))];
    if (!policyIds.length) return limited;
    const policies: { id: number; slow_download_kbps: number | null; slow_upload_kbps: number | null }[] = await em.query(
      "SELECT id, slow_download_kbps, slow_upload_kbps FROM usage_policies WHERE id IN (?) AND at_cap = 'slow'",
      [policyIds],
    );
    const slow = new Map(policies.map((p) => [Number(p.id), p]));
    for (const accountId of over) {
      const policy = slow.get(services.get(accountId)?.usagePolicyId ?? -1);
      // A policy that slows without saying to what cannot be applied; usage validates it, this only refuses to guess.
      if (!policy || policy.slow_download_kbps === null || policy.slow_upload_kbps === null) continue;
      limited.set(accountId, {
        reason: 'cap',
        downloadKbps: Number(policy.slow_download_kbps),
        uploadKbps: Number(policy.slow_upload_kbps),
      });
    }
    return limited;
  }
}
