import { reconciliationRepairs } from '../../src/network-sync/reconciliation-repairs';

const report = (lines: { radius?: string[]; nas?: string[]; dhcp?: string[] }) => ({
  radius: [],
  nas: [],
  dhcp: [],
  handedOver: 0,
  skipped: [],
  ...lines,
});

describe('a reconciliation’s report as repairs: the server, what was wrong, what was changed', () => {
  it('reads a value removed and added on one row as the value set right, and the rest as rows removed or added', () => {
    const sut = reconciliationRepairs(
      report({
        radius: [
          'removed radreply erin: Framed-IP-Address = 10.9.9.9',
          'removed radcheck mallory: Cleartext-Password = (secret)',
          'added radreply erin: Framed-IP-Address = 100.70.0.10',
          'added radusergroup erin: Group backhaul-service-3',
          'removed radgroupreply backhaul-service-2: Mikrotik-Rate-Limit = 20000k/100000k',
        ],
      }),
    );
    expect(sut).toEqual([
      { server: 'FreeRADIUS', found: 'erin: Framed-IP-Address was 10.9.9.9', done: 'Set to 100.70.0.10' },
      { server: 'FreeRADIUS', found: 'mallory: Cleartext-Password = (secret), which Backhaul does not hold', done: 'Removed' },
      {
        server: 'FreeRADIUS',
        found: 'Speed group backhaul-service-2: Mikrotik-Rate-Limit = 20000k/100000k, which Backhaul does not hold',
        done: 'Removed',
      },
      { server: 'FreeRADIUS', found: 'erin in speed group backhaul-service-3 was missing', done: 'Added' },
    ]);
  });

  it('names the DHCP server of each reservation and subnet, and a NAS client rewritten as one repair', () => {
    const sut = reconciliationRepairs(
      report({
        nas: ['removed nas 127.0.0.9', 'added nas 127.0.0.9', 'added nas 10.0.0.1'],
        dhcp: [
          'added subnet 7 100.70.0.0/24 to Recon Kea',
          'removed reservation 02:00:00:00:00:ff → 100.70.0.77 (subnet 7) on Recon Kea',
          'removed reservation 02:00:00:aa:00:01 → 100.70.0.60 (subnet 7) on Tower Kea',
          'added reservation 02:00:00:aa:00:01 → 100.70.0.50 (subnet 7) on Tower Kea',
          'changed subnet options on Tower Kea',
        ],
      }),
    );
    expect(sut).toEqual([
      { server: 'FreeRADIUS', found: 'NAS client 127.0.0.9 differed from its NAS device', done: 'Written again from the NAS device' },
      { server: 'FreeRADIUS', found: 'NAS client 10.0.0.1 was missing', done: 'Added' },
      { server: 'Tower Kea', found: 'The subnets’ relays or gateways differed from the address plan', done: 'Set again' },
      {
        server: 'Recon Kea',
        found: 'The reservation 02:00:00:00:00:ff → 100.70.0.77 (subnet 7), which Backhaul does not hold',
        done: 'Removed',
      },
      {
        server: 'Tower Kea',
        found: 'The reservation of 02:00:00:aa:00:01 was 100.70.0.60 (subnet 7)',
        done: 'Set to 100.70.0.50 (subnet 7)',
      },
      { server: 'Recon Kea', found: 'Subnet 7 100.70.0.0/24 was missing', done: 'Added' },
    ]);
  });

  it('keeps a line it does not know whole, as what was done', () => {
    expect(reconciliationRepairs(report({ dhcp: ['rebuilt everything on Recon Kea'] }))).toEqual([
      { server: 'DHCP', found: '', done: 'rebuilt everything on Recon Kea' },
    ]);
  });
});
