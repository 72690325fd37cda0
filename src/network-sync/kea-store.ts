import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createPool, type Pool } from 'mysql2/promise';
import { addressText, parseAddress } from '../common/ip-address';
import { macBytes } from '../common/mac-address';
import { keaCommand } from './kea-control';

/** A Kea DHCPv4 server as provisioning needs it. */
export interface KeaServer {
  id: number;
  name: string;
  hostsDatabaseUrl: string;
  controlSocket: string | null;
  relayAddresses: string[];
}

/** A reservation: the MAC address is offered the address in the subnet (Kea's subnet id is ours). */
export interface Reservation {
  mac: string;
  subnetId: number;
  address: string;
}

/** A subnet as Kea serves it: reservations only (the address plan hands addresses out, not Kea's pools). */
export interface KeaSubnetState {
  id: number;
  network: string;
  gateway: string | null;
}

const reservationKey = (r: Reservation) => `${r.mac}|${r.subnetId}|${r.address}`;

/**
 * Kea DHCPv4: reservations are rows in its MySQL host backend (`hosts`), which Kea reads on every
 * DISCOVER, so a reservation written there takes effect at the next request without a reload; the
 * subnets are part of its configuration, changed over its control channel (config-get, config-set,
 * config-write). Both are brought to exactly the given state, and what changed is reported.
 */
@Injectable()
export class KeaStore implements OnModuleDestroy {
  private readonly pools = new Map<string, Pool>();

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.end()));
    this.pools.clear();
  }

  /** Fails with a sentence when the server's control channel does not answer; a server without one is taken as up. */
  async probe(server: KeaServer): Promise<void> {
    if (!server.controlSocket) return;
    const answer = await keaCommand(server.controlSocket, 'status-get', undefined, 2000).catch((err: Error) => {
      throw new Error(`Kea "${server.name}" did not answer on ${server.controlSocket}: ${err.message}`);
    });
    if (answer.result !== 0) throw new Error(`Kea "${server.name}" answered status-get with an error: ${answer.text ?? answer.result}`);
  }

  /** The server's reservations for these MAC addresses become exactly `wanted`. */
  async applyReservations(server: KeaServer, macs: string[], wanted: Reservation[]): Promise<string[]> {
    if (!macs.length) return [];
    const pool = this.open(server);
    const connection = await pool.getConnection();
    try {
      await connection.beginTransaction();
      const [rows] = await connection.query(
        `SELECT host_id, LOWER(HEX(dhcp_identifier)) AS hex, dhcp4_subnet_id, ipv4_address FROM hosts
          WHERE dhcp_identifier_type = 0 AND dhcp_identifier IN (?) FOR UPDATE`,
        [macs.map(macBytes)],
      );
      const stored = (rows as { host_id: number; hex: string; dhcp4_subnet_id: number | null; ipv4_address: number | null }[]).map((r) => ({
        hostId: Number(r.host_id),
        mac: r.hex.match(/../g)!.join(':'),
        subnetId: Number(r.dhcp4_subnet_id ?? 0),
        address: r.ipv4_address === null ? '' : addressText(4, BigInt(r.ipv4_address)),
      }));
      const wantedKeys = new Set(wanted.map(reservationKey));
      const storedKeys = new Set(stored.map(reservationKey));
      const changes: string[] = [];
      for (const row of stored.filter((r) => !wantedKeys.has(reservationKey(r)))) {
        await connection.query('DELETE FROM hosts WHERE host_id = ?', [row.hostId]);
        changes.push(`removed reservation ${row.mac} → ${row.address} (subnet ${row.subnetId}) on ${server.name}`);
      }
      for (const r of wanted.filter((w) => !storedKeys.has(reservationKey(w)))) {
        await connection.query(
          'INSERT INTO hosts (dhcp_identifier, dhcp_identifier_type, dhcp4_subnet_id, ipv4_address) VALUES (?, 0, ?, ?)',
          [macBytes(r.mac), r.subnetId, Number(parseAddress(r.address)!.value)],
        );
        changes.push(`added reservation ${r.mac} → ${r.address} (subnet ${r.subnetId}) on ${server.name}`);
      }
      await connection.commit();
      return changes;
    } catch (err) {
      await connection.rollback().catch(() => undefined);
      throw err;
    } finally {
      connection.release();
    }
  }

  /** Every reservation the server holds, for the reconciliation. */
  async allReservations(server: KeaServer): Promise<Reservation[]> {
    const [rows] = await this.open(server).query(
      'SELECT LOWER(HEX(dhcp_identifier)) AS hex, dhcp4_subnet_id, ipv4_address FROM hosts WHERE dhcp_identifier_type = 0 AND dhcp4_subnet_id IS NOT NULL',
    );
    return (rows as { hex: string; dhcp4_subnet_id: number; ipv4_address: number | null }[]).map((r) => ({
      mac: r.hex.match(/../g)!.join(':'),
      subnetId: Number(r.dhcp4_subnet_id),
      address: r.ipv4_address === null ? '' : addressText(4, BigInt(r.ipv4_address)),
    }));
  }

  /**
   * The server's subnets become exactly `subnets`, each answering relayed requests from the server's
   * relay addresses and naming its gateway as the router. Kea 2.2 has no command for one subnet
   * without a paid hook, so the whole configuration goes round: read, change the list, set, write.
   */
  async applySubnets(server: KeaServer, subnets: KeaSubnetState[]): Promise<string[]> {
    if (!server.controlSocket) throw new Error(`Kea "${server.name}" has no control socket to set its subnets through`);
    const current = await keaCommand(server.controlSocket, 'config-get');
    if (current.result !== 0) throw new Error(`Kea "${server.name}" refused config-get: ${current.text ?? current.result}`);
    const dhcp4 = (current.arguments as { Dhcp4: Record<string, unknown> }).Dhcp4;
    const before = (dhcp4.subnet4 as { id: number; subnet: string }[] | undefined) ?? [];
    const after = subnets.map((s) => ({
      id: s.id,
      subnet: s.network,
      pools: [],
      ...(server.relayAddresses.length && { relay: { 'ip-addresses': server.relayAddresses } }),
      'option-data': s.gateway ? [{ name: 'routers', data: s.gateway }] : [],
    }));
    const describe = (list: { id: number; subnet: string }[]) => new Set(list.map((s) => `${s.id} ${s.subnet}`));
    const had = describe(before);
    const has = describe(after);
    const changes = [
      ...[...had].filter((s) => !has.has(s)).map((s) => `removed subnet ${s} from ${server.name}`),
      ...[...has].filter((s) => !had.has(s)).map((s) => `added subnet ${s} to ${server.name}`),
    ];
    const same = JSON.stringify(before.map(comparable)) === JSON.stringify(after.map(comparable));
    if (same) return [];
    const set = await keaCommand(server.controlSocket, 'config-set', { Dhcp4: { ...dhcp4, subnet4: after } });
    if (set.result !== 0) throw new Error(`Kea "${server.name}" refused the new subnets: ${set.text ?? set.result}`);
    // Written to its configuration file too, so a restart of Kea keeps them.
    const written = await keaCommand(server.controlSocket, 'config-write');
    if (written.result !== 0) throw new Error(`Kea "${server.name}" could not write its configuration: ${written.text ?? written.result}`);
    return changes.length ? changes : [`changed subnet options on ${server.name}`];
  }

  private open(server: KeaServer): Pool {
    let pool = this.pools.get(server.hostsDatabaseUrl);
    if (!pool) {
      pool = createPool({ uri: server.hostsDatabaseUrl, connectionLimit: 2 });
      this.pools.set(server.hostsDatabaseUrl, pool);
    }
    return pool;
  }
}

/** What of a subnet this store decides, in a fixed order, to tell whether anything changed. */
function comparable(subnet: Record<string, unknown>): unknown {
  const relay = (subnet.relay as { 'ip-addresses'?: string[] } | undefined)?.['ip-addresses'] ?? [];
  const routers = ((subnet['option-data'] as { name?: string; data?: string }[] | undefined) ?? [])
    .filter((o) => o.name === 'routers')
    .map((o) => o.data);
  return [subnet.id, subnet.subnet, relay, routers];
}
