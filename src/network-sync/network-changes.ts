import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface NetworkChange {
  accountId: number;
  /** What happened, for the operator reading what is pending: `ip_assignment.create`, `radius_account.delete`. */
  reason: string;
  /** A RADIUS username the change touched, so one deleted or renamed is removed from the server too. */
  radiusUsername?: string;
}

/**
 * The outbox of network changes. A domain that changes something the network must follow writes
 * the change here inside its own transaction, then asks NetworkSyncProcess to apply it after the
 * commit. Should Temporal be unreachable at that moment, the row still says what is pending, and
 * the reconciliation hands it over later.
 */
@Injectable()
export class NetworkChanges {
  async record(em: EntityManager, changes: NetworkChange[]): Promise<void> {
    if (!changes.length) return;
    await em.query('INSERT INTO network_sync_requests (account_id, reason, radius_username) VALUES ?', [
      changes.map((c) => [c.accountId, c.reason, c.radiusUsername ?? null]),
    ]);
  }
}
