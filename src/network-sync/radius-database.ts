import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createPool, type Pool } from 'mysql2/promise';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * The database FreeRADIUS reads and writes (`RADIUS_DATABASE_URL`), one small pool for everything
 * Backhaul does there: its users, groups and clients, and the accounting it reads back. BIGINT
 * columns come back as strings, so octet counters past 2^53 stay exact.
 */
@Injectable()
export class RadiusDatabase implements OnModuleDestroy {
  private opened: Pool | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return this.config.RADIUS_DATABASE_URL !== undefined;
  }

  pool(): Pool {
    if (!this.config.RADIUS_DATABASE_URL) throw new Error('RADIUS_DATABASE_URL is not set: there is no RADIUS database');
    this.opened ??= createPool({
      uri: this.config.RADIUS_DATABASE_URL,
      connectionLimit: 4,
      timezone: 'Z',
      supportBigNumbers: true,
      bigNumberStrings: true,
    });
    return this.opened;
  }

  async onModuleDestroy(): Promise<void> {
    await this.opened?.end();
    this.opened = null;
  }
}
