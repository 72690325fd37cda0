import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AddressListsService } from '../address-lists/address-lists.service';
import { DhcpServersService } from '../dhcp/dhcp-servers.service';
import { InventoryCatalogService } from '../inventory/inventory-catalog.service';
import { InventoryItemsService } from '../inventory/inventory-items.service';
import { IpAssignmentsService } from '../ipam/ip-assignments.service';
import { IpPlanService } from '../ipam/ip-plan.service';
import { NasDevicesService } from '../radius/nas-devices.service';
import { RadiusAccountsService } from '../radius/radius-accounts.service';

/**
 * RADIUS logins on the first billed accounts: `demo-1` / `demo-pass-1` and so on, with a PPPoE
 * address each. Those of active accounts come first, so `demo-1` is let in; the last ones belong
 * to accounts whose status refuses them.
 */
const RADIUS_ACCOUNTS = 20;
/** Fixed-wireless radios deployed at the next accounts, each MAC reserved an address on the DHCP server. */
const DEPLOYED_RADIOS = 10;
/** The demo's one NAS, where its PPPoE sessions run. */
export const DEMO_NAS_ADDRESS = '10.0.0.2';

/**
 * The network of a local instance: an address plan, a NAS, the local Kea as DHCP server when it
 * runs (KEA_DATABASE_URL and KEA_CONTROL_SOCKET, set by `npm run dev`), inventory in stock and
 * deployed, RADIUS logins with addresses, and the two address lists routers usually start with.
 */
export async function generateNetworkDemo(app: INestApplicationContext, adminUserId: number, firstAccountId: number): Promise<void> {
  const user = { id: adminUserId, email: 'admin@backhaul.local' } as AuthenticatedUser;
  const plan = app.get(IpPlanService);
  const supernet = await plan.createSupernet({
    name: 'Customer space',
    network: '100.64.0.0/10',
    description: 'Carrier-grade NAT space (RFC 6598)',
  });
  const pppoe = await plan.createSubnet({
    supernetId: supernet.id,
    name: 'PPPoE customers',
    network: '100.64.1.0/24',
    gateway: '100.64.1.1',
  });
  const pppoePool = await plan.createPool({
    subnetId: pppoe.id,
    name: 'PPPoE pool',
    firstAddress: '100.64.1.10',
    lastAddress: '100.64.1.250',
  });
  const wireless = await plan.createSubnet({
    supernetId: supernet.id,
    name: 'Tower 3 radios',
    network: '100.64.8.0/24',
    gateway: '100.64.8.1',
  });
  const wirelessPool = await plan.createPool({
    subnetId: wireless.id,
    name: 'Tower 3 CPE',
    firstAddress: '100.64.8.20',
    lastAddress: '100.64.8.250',
  });
  const routed = await plan.createSubnet({ supernetId: supernet.id, name: 'Business routed block', network: '100.64.200.0/29' });
  const v6 = await plan.createSupernet({ name: 'IPv6 allocation', network: '2001:db8::/32', description: 'Documentation range' });
  await plan.createSubnet({ supernetId: v6.id, name: 'Tower 3 IPv6', network: '2001:db8:3::/64' });

  await app.get(NasDevicesService).create({ name: 'Core BRAS', address: DEMO_NAS_ADDRESS, secret: 'demo-nas-secret', nasType: 'mikrotik' });
  if (process.env.KEA_DATABASE_URL) {
    await app.get(DhcpServersService).create({
      name: 'Local Kea',
      hostsDatabaseUrl: process.env.KEA_DATABASE_URL,
      controlSocket: process.env.KEA_CONTROL_SOCKET ?? null,
      relayAddresses: ['127.0.0.1'],
      subnetIds: [wireless.id],
    });
  }

  const catalog = app.get(InventoryCatalogService);
  const ubiquiti = await catalog.saveManufacturer(null, { name: 'Ubiquiti' });
  const mikrotik = await catalog.saveManufacturer(null, { name: 'MikroTik' });
  const radio = await catalog.createModel({
    manufacturerId: ubiquiti.id,
    name: 'LiteBeam 5AC',
    macCount: 1,
    fields: [{ name: 'Firmware' }, { name: 'Aim (degrees)' }],
  });
  const router = await catalog.createModel({ manufacturerId: mikrotik.id, name: 'hAP ax2', macCount: 2, fields: [{ name: 'Wi-Fi key' }] });
  const warehouse = await catalog.saveLocation(null, { name: 'Main warehouse', description: 'Shelves A to D' });
  const items = app.get(InventoryItemsService);
  const mac = (prefix: string, n: number) =>
    `${prefix}:${(n >> 8).toString(16).padStart(2, '0')}:${(n & 0xff).toString(16).padStart(2, '0')}`;
  for (let n = 1; n <= 8; n++) {
    await items.create({
      modelId: router.id,
      serial: `HAP-${1000 + n}`,
      macs: [mac('48:a9:8a:00', n * 2), mac('48:a9:8a:00', n * 2 + 1)],
      stockLocationId: warehouse.id,
    });
  }
  const assignments = app.get(IpAssignmentsService);
  for (let n = 1; n <= DEPLOYED_RADIOS; n++) {
    const accountId = firstAccountId + RADIUS_ACCOUNTS + n - 1;
    const item = await items.create({
      modelId: radio.id,
      serial: `LB-${2000 + n}`,
      macs: [mac('24:5a:4c:00', n)],
      accountId,
      fieldValues: [{ fieldId: radio.fields[0].id, value: '8.7.12' }],
    });
    await assignments.create(accountId, { assignee: 'inventory_mac', inventoryMacId: item.macs[0].id, poolId: wirelessPool.id }, user);
  }

  const radius = app.get(RadiusAccountsService);
  const holders: { id: number }[] = await app.get(DataSource).query(
    `SELECT a.id FROM accounts a JOIN account_statuses st ON st.id = a.account_status_id
      WHERE a.id BETWEEN ? AND ? ORDER BY st.counts_as_active DESC, a.id`,
    [firstAccountId, firstAccountId + RADIUS_ACCOUNTS - 1],
  );
  for (let n = 1; n <= holders.length; n++) {
    const accountId = Number(holders[n - 1].id);
    const login = await radius.create(accountId, { username: `demo-${n}`, password: `demo-pass-${n}` }, user);
    await assignments.create(accountId, { assignee: 'radius_account', radiusAccountId: login.id, poolId: pppoePool.id }, user);
    if (n === 1)
      await assignments.create(
        accountId,
        { assignee: 'radius_account', radiusAccountId: login.id, subnetId: routed.id, wholeSubnet: true },
        user,
      );
  }

  const lists = app.get(AddressListsService);
  await lists.create({ name: 'active', accounts: 'not_delinquent', description: 'Accounts in good standing' });
  await lists.create({
    name: 'delinquent',
    accounts: 'delinquent',
    description: 'Accounts in a delinquency status: redirect to the payment page',
  });
}
