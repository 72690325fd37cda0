import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ALL_PERMISSIONS, Permission } from '../auth/permission';
import { RolesService } from '../users/roles.service';
import { StaffUser } from '../users/staff-user.entity';
import { UsersService } from '../users/users.service';
import { generateDemoAccounts } from './accounts-demo';
import { generateBillingDemo } from './billing-demo';
import { generateContractDemo } from './contracts-demo';
import { DEMO_NAS_ADDRESS, generateNetworkDemo } from './network-demo';
import { generateUsageSessionsDemo } from './usage-demo';
import { generateTicketsDemo } from './tickets-demo';
import { generateJobsDemo } from './jobs-demo';
import { generateVoiceDemo } from './voice-demo';
import { generateElevationDemo } from './elevation-demo';

const DEMO_ACCOUNTS = 200;
/** Accounts that get services, invoices and payments; billing goes through the services, so keep this modest. */
const DEMO_BILLED_ACCOUNTS = 40;

export const DEMO_ADMIN = { email: 'admin@backhaul.local', password: 'backhaul-demo', name: 'Demo Administrator' };

/**
 * Loads the demo data set once: a database that already has the demo
 * administrator is left alone, so restarting the dev command keeps edits.
 */
export async function loadDemoData(app: INestApplicationContext): Promise<boolean> {
  const db = app.get(DataSource);
  if (await db.getRepository(StaffUser).existsBy({ email: DEMO_ADMIN.email })) return false;

  const roles = app.get(RolesService);
  const users = app.get(UsersService);
  const admin = await roles.create({ name: 'Administrator', description: 'Everything', permissions: [...ALL_PERMISSIONS] });
  const clerk = await roles.create({
    name: 'Billing clerk',
    description: 'Works accounts day to day',
    permissions: [
      Permission.AuditRead,
      Permission.UsersRead,
      Permission.AccountsRead,
      Permission.AccountsManage,
      Permission.BillingRead,
      Permission.BillingManage,
      Permission.CorrespondenceRead,
      Permission.CorrespondenceWrite,
      Permission.ContractsRead,
      Permission.ContractsManage,
      Permission.NetworkRead,
      Permission.NetworkManage,
      Permission.TicketsRead,
      Permission.TicketsWrite,
      Permission.JobsRead,
      Permission.JobsWrite,
    ],
  });
  const adminUser = await users.create({ ...DEMO_ADMIN, active: true, roleIds: [admin.id] });
  await users.create({
    email: 'clerk@backhaul.local',
    name: 'Demo Clerk',
    password: 'backhaul-clerk-demo',
    active: true,
    roleIds: [clerk.id],
  });
  const accounts = await generateDemoAccounts(db, DEMO_ACCOUNTS);
  await generateBillingDemo(app, accounts.firstAccountId, DEMO_BILLED_ACCOUNTS);
  await generateContractDemo(app, adminUser.id);
  await generateNetworkDemo(app, adminUser.id, accounts.firstAccountId);
  // The usage itself came with the billing; its sessions need the RADIUS logins.
  await generateUsageSessionsDemo(app, DEMO_NAS_ADDRESS, 'demo-1');
  await generateTicketsDemo(app, adminUser.id, accounts.firstAccountId);
  await generateJobsDemo(app, adminUser.id, accounts.firstAccountId);
  // Two of the billed accounts get a phone line, numbers and a month of calls.
  await generateVoiceDemo(app, accounts.firstAccountId);
  await generateElevationDemo(app, adminUser.id);
  return true;
}
