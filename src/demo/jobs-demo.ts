import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ALL_PERMISSIONS } from '../auth/permission';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { JobBookingService } from '../jobs/job-booking.service';
import { JobTypesService } from '../jobs/job-types.service';
import { JobsService } from '../jobs/jobs.service';
import { TechniciansService } from '../jobs/technicians.service';
import { UsersService } from '../users/users.service';

const TECHNICIANS = [
  { name: 'Sam Reyes', email: 'sam.reyes@backhaul.local', color: '#43a047' },
  { name: 'Kim Okafor', email: 'kim.okafor@backhaul.local', color: '#8e24aa' },
  { name: 'Lee Tran', email: 'lee.tran@backhaul.local', color: '#fb8c00' },
];

/**
 * Each demo job: its type, the account (by offset from the first), and when and by whom, if booked:
 * days ahead at an hour UTC, or (`soon`) that many whole hours from now, so the dispatch calendar
 * opens on today's bookings whenever the demo was generated.
 */
const JOBS: {
  type: 'Installation' | 'Repair' | 'Site survey';
  offset: number;
  at?: [days: number, hour: number, techs: number[]];
  soon?: [hours: number, techs: number[]];
  notes?: string;
  then?: 'en_route' | 'completed' | 'cancelled';
}[] = [
  { type: 'Installation', offset: 1, at: [1, 9, [0, 1]], notes: 'Fibre drop from the street; ladder needed.', then: 'completed' },
  { type: 'Repair', offset: 4, at: [1, 13, [0]], notes: 'Modem loses sync every evening.', then: 'en_route' },
  { type: 'Site survey', offset: 7, at: [1, 10, [2]] },
  { type: 'Installation', offset: 10, at: [2, 9, [1, 2]], notes: 'Dog in the yard; call ahead.' },
  { type: 'Repair', offset: 13, at: [2, 14, [0]] },
  { type: 'Repair', offset: 16, at: [3, 8, [2]], notes: 'Outdoor unit misaligned after the storm.' },
  { type: 'Installation', offset: 19, at: [3, 11, [0, 1]] },
  { type: 'Site survey', offset: 22, at: [4, 15, [1]] },
  { type: 'Repair', offset: 25, at: [5, 9, [2]], then: 'cancelled' },
  { type: 'Repair', offset: 34, soon: [2, [0]], notes: 'No light on the ONT since this morning.' },
  { type: 'Site survey', offset: 37, soon: [3, [1]] },
  { type: 'Installation', offset: 28, notes: 'Waiting for the subscriber to choose a day.' },
  { type: 'Repair', offset: 31 },
];

/**
 * Job types (an installation that activates a pending account, a repair, a site
 * survey), three technicians, and a week of jobs across the demo accounts, booked and
 * moved through the jobs module itself, so they carry confirmations and reminders like
 * any other.
 */
export async function generateJobsDemo(app: INestApplicationContext, adminUserId: number, firstAccountId: number): Promise<void> {
  const db = app.get(DataSource);
  const types = app.get(JobTypesService);
  const technicians = app.get(TechniciansService);
  const jobs = app.get(JobsService);
  const booking = app.get(JobBookingService);
  const users = app.get(UsersService);

  const [active]: { id: number }[] = await db.query("SELECT id FROM account_statuses WHERE name = 'Active' AND counts_as_active = 1");
  const typeIds = {
    Installation: (
      await types.create({
        name: 'Installation',
        defaultDurationMinutes: 120,
        color: '#1e88e5',
        ...(active && { completionAction: 'activate_account' as const, activationStatusId: Number(active.id) }),
      })
    ).id,
    Repair: (await types.create({ name: 'Repair', defaultDurationMinutes: 60, color: '#e53935' })).id,
    'Site survey': (await types.create({ name: 'Site survey', defaultDurationMinutes: 45, color: '#00897b' })).id,
  };

  const techIds: number[] = [];
  for (const tech of TECHNICIANS) {
    const user = await users.create({ email: tech.email, name: tech.name, password: `demo-${tech.email}`, active: true, roleIds: [] });
    await technicians.create({ userId: user.id, color: tech.color });
    techIds.push(user.id);
  }

  const admin: AuthenticatedUser = {
    id: adminUserId,
    email: 'admin@backhaul.local',
    name: 'Demo Administrator',
    permissions: new Set(ALL_PERMISSIONS),
  };
  for (const demo of JOBS) {
    const created = await jobs.create(firstAccountId + demo.offset, { jobTypeId: typeIds[demo.type], notes: demo.notes }, admin);
    let startsAt: Date;
    let techs: number[];
    if (demo.at) {
      const [days, hour] = demo.at;
      techs = demo.at[2];
      startsAt = new Date(Date.now() + days * 24 * 3600_000);
      startsAt.setUTCHours(hour, 0, 0, 0);
    } else if (demo.soon) {
      const [hours] = demo.soon;
      techs = demo.soon[1];
      startsAt = new Date(Math.ceil(Date.now() / 3600_000) * 3600_000 + (hours - 1) * 3600_000);
    } else {
      continue;
    }
    await booking.schedule(created.id, { startsAt: startsAt.toISOString(), technicianIds: techs.map((t) => techIds[t]) });
    if (demo.then === 'completed') await booking.changeStatus(created.id, { status: 'en_route' });
    if (demo.then) await booking.changeStatus(created.id, { status: demo.then });
  }
}
