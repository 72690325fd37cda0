import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { ALL_PERMISSIONS, Permission } from '../../src/auth/permission';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { RolesService } from '../../src/users/roles.service';
import { UsersService } from '../../src/users/users.service';
import { unwatchApp, watchApp } from './books-watch';

/** Collects log lines so tests can assert on what was (not) logged. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
}

export function testConfig(overrides: Partial<Record<keyof AppConfig, string>> = {}): AppConfig {
  return loadConfig({
    ...process.env,
    ADMIN_DIST_DIR: 'admin/dist',
    TEMPORAL_TASK_QUEUE: `test-${randomUUID()}`,
    LOG_LEVEL: 'info',
    // Suites log in from the same loopback address into one database; their deliberate
    // failures must not throttle each other. The throttle's own suites set a low count.
    LOGIN_THROTTLE_FREE_FAILURES: '1000',
    ...overrides,
  });
}

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  logs: LogCapture;
  db: DataSource;
  http: () => ReturnType<typeof request>;
  /** A user holding exactly these permissions, logged in; returns its bearer token. */
  userWith: (permissions: Permission[]) => Promise<{ id: number; email: string; password: string; token: string }>;
  admin: () => Promise<{ id: number; email: string; password: string; token: string }>;
  close: () => Promise<void>;
}

export async function createTestApp(overrides: Partial<Record<keyof AppConfig, string>> = {}): Promise<TestApp> {
  const config = testConfig(overrides);
  const logs = new LogCapture();
  const app = await createApp(config, { logStream: logs });
  const db = app.get(DataSource);
  let adminUser: { id: number; email: string; password: string; token: string } | undefined;

  const userWith = async (permissions: Permission[]) => {
    const suffix = randomUUID().slice(0, 8);
    const role = await app.get(RolesService).create({ name: `role-${suffix}`, permissions });
    const password = `pw-${randomUUID()}`;
    const email = `user-${suffix}@test.backhaul.local`;
    const user = await app.get(UsersService).create({ email, name: `User ${suffix}`, password, roleIds: [role.id] });
    const res = await request(app.getHttpServer()).post('/api/auth/login').send({ email, password }).expect(200);
    return { id: user.id, email, password, token: res.body.token as string };
  };

  const sut: TestApp = {
    app,
    config,
    logs,
    db,
    http: () => request(app.getHttpServer()),
    userWith,
    admin: async () => (adminUser ??= await userWith([...ALL_PERMISSIONS])),
    close: () => {
      unwatchApp(sut);
      return app.close();
    },
  };
  await watchApp(sut);
  return sut;
}
