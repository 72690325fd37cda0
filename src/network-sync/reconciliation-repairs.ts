import type { NetworkReconciliationReport } from '../../workflows/shared';

/** One difference a reconciliation found on a server and what it did about it, for the operator reading the report. */
export interface ReconciliationRepair {
  /** `FreeRADIUS`, or the DHCP server by its name. */
  server: string;
  /** What the server held that Backhaul does not, or lacked. */
  found: string;
  /** What the reconciliation changed on the server. */
  done: string;
}

export const FREERADIUS = 'FreeRADIUS';

interface Change {
  change: 'added' | 'removed';
  server: string;
  /** Rows with the same key, one removed and one added, are one value changed. */
  key: string;
  /** The row whole: `erin: Framed-IP-Address = 10.9.9.9`. */
  what: string;
  /** Its name without the value, when it is paired: `erin: Framed-IP-Address`. */
  subject: string;
  value: string;
}

const RADIUS_ROW = /^(added|removed) (radcheck|radreply|radusergroup|radgroupreply) (.+?): (\S+?)(?: = | )(.*)$/;
const NAS_ROW = /^(added|removed) nas (\S+)$/;
const RESERVATION = /^(added|removed) reservation (\S+) → (\S*) \(subnet (\d+)\) on (.+)$/;
const SUBNET = /^(added|removed) subnet (\d+) (\S+) (?:to|from) (.+)$/;
const SUBNET_OPTIONS = /^changed subnet options on (.+)$/;
const NO_SOCKET = /^(.+) has no control socket: its subnets are left as they are$/;

function radiusChange(line: string): Change | null {
  const m = RADIUS_ROW.exec(line);
  if (!m) return null;
  const [, change, table, name, attribute, value] = m;
  const base = { change: change as Change['change'], server: FREERADIUS, key: `radius ${table} ${name} ${attribute}`, value };
  if (table === 'radusergroup') return { ...base, subject: `${name}: speed group`, what: `${name} in speed group ${value}` };
  const subject = table === 'radgroupreply' ? `Speed group ${name}: ${attribute}` : `${name}: ${attribute}`;
  return { ...base, subject, what: `${subject} = ${value}` };
}

function dhcpChange(line: string): Change | null {
  const reservation = RESERVATION.exec(line);
  if (reservation) {
    const [, change, mac, address, subnet, server] = reservation;
    return {
      change: change as Change['change'],
      server,
      key: `reservation ${server} ${mac}`,
      subject: `The reservation of ${mac}`,
      what: `The reservation ${mac} → ${address} (subnet ${subnet})`,
      value: `${address} (subnet ${subnet})`,
    };
  }
  const subnet = SUBNET.exec(line);
  if (subnet) {
    const [, change, id, network, server] = subnet;
    return {
      change: change as Change['change'],
      server,
      key: `subnet ${server} ${id}`,
      subject: `Subnet ${id}`,
      what: `Subnet ${id} ${network}`,
      value: network,
    };
  }
  return null;
}

/** A removed row and an added row with the same key are one value set right; the rest stand alone. */
function paired(changes: Change[]): ReconciliationRepair[] {
  const repairs: ReconciliationRepair[] = [];
  const added = new Map<string, Change[]>();
  for (const c of changes.filter((c) => c.change === 'added')) added.set(c.key, [...(added.get(c.key) ?? []), c]);
  for (const removed of changes.filter((c) => c.change === 'removed')) {
    const partner = added.get(removed.key)?.shift();
    if (partner) {
      repairs.push({ server: removed.server, found: `${removed.subject} was ${removed.value}`, done: `Set to ${partner.value}` });
    } else {
      repairs.push({ server: removed.server, found: `${removed.what}, which Backhaul does not hold`, done: 'Removed' });
    }
  }
  for (const c of [...added.values()].flat()) repairs.push({ server: c.server, found: `${c.what} was missing`, done: 'Added' });
  return repairs;
}

/**
 * The report's lines as repairs a person reads: which server, what was wrong, what was changed.
 * The lines are the stores' own sentences; one this does not know is kept whole as what was done.
 */
export function reconciliationRepairs(report: NetworkReconciliationReport): ReconciliationRepair[] {
  const repairs: ReconciliationRepair[] = [];
  const radius: Change[] = [];
  for (const line of report.radius) {
    const change = radiusChange(line);
    if (change) radius.push(change);
    else repairs.push({ server: FREERADIUS, found: '', done: line });
  }
  repairs.push(...paired(radius));

  const nas = new Map<string, Set<string>>();
  for (const line of report.nas) {
    const m = NAS_ROW.exec(line);
    if (m) nas.set(m[2], (nas.get(m[2]) ?? new Set()).add(m[1]));
    else repairs.push({ server: FREERADIUS, found: '', done: line });
  }
  for (const [address, changes] of nas) {
    if (changes.size === 2) {
      repairs.push({
        server: FREERADIUS,
        found: `NAS client ${address} differed from its NAS device`,
        done: 'Written again from the NAS device',
      });
    } else if (changes.has('added')) {
      repairs.push({ server: FREERADIUS, found: `NAS client ${address} was missing`, done: 'Added' });
    } else {
      repairs.push({ server: FREERADIUS, found: `NAS client ${address} is not a NAS device in Backhaul`, done: 'Removed' });
    }
  }

  const dhcp: Change[] = [];
  for (const line of report.dhcp) {
    const change = dhcpChange(line);
    const options = SUBNET_OPTIONS.exec(line);
    const noSocket = NO_SOCKET.exec(line);
    if (change) dhcp.push(change);
    else if (options)
      repairs.push({ server: options[1], found: 'The subnets’ relays or gateways differed from the address plan', done: 'Set again' });
    else if (noSocket) repairs.push({ server: noSocket[1], found: 'It has no control socket', done: 'Its subnets were left as they are' });
    else repairs.push({ server: 'DHCP', found: '', done: line });
  }
  repairs.push(...paired(dhcp));
  return repairs;
}
