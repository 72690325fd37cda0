import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { ALL_PERMISSIONS } from '../src/auth/permission';
import { loadConfig } from '../src/config/app-config';
import { runMigrations } from '../src/database/migrate';
import { RolesService } from '../src/users/roles.service';
import { UsersService } from '../src/users/users.service';

/**
 * The HTTP app on a freshly migrated bench database, with a logged-in user holding every permission.
 * `settings` adds to the environment (e.g. a RADIUS database for the accounting bench).
 */
export async function benchApp(
  databaseUrl: string,
  settings: Record<string, string> = {},
): Promise<{ app: INestApplication; db: DataSource; token: string }> {
  const config = loadConfig({ ...process.env, ...settings, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' });
  await runMigrations(config);
  const app = await createApp(config);
  const role = await app.get(RolesService).create({ name: 'bench', permissions: [...ALL_PERMISSIONS] });
  await app.get(UsersService).create({ email: 'bench@backhaul.local', name: 'Bench', password: 'bench-password-123', roleIds: [role.id] });
  const login = await request(app.getHttpServer())
    .post('/api/auth/login')
    .send({ email: 'bench@backhaul.local', password: 'bench-password-123' });
  return { app, db: app.get(DataSource), token: login.body.token as string };
}
