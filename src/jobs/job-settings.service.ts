import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { transactionWithRetry } from '../database/transaction';
import { JobSettingsResponseDto, UpdateJobSettingsDto } from './dto/job-settings.dto';

/** The instance's settings for jobs: one row. */
@Injectable()
export class JobSettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(em: EntityManager = this.db.manager): Promise<JobSettingsResponseDto> {
    const [row]: { reminder_lead_minutes: number }[] = await em.query('SELECT reminder_lead_minutes FROM job_settings WHERE id = 1');
    return { reminderLeadMinutes: Number(row?.reminder_lead_minutes ?? 1440) };
  }

  async update(dto: UpdateJobSettingsDto): Promise<JobSettingsResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      await em.query('SELECT id FROM job_settings WHERE id = 1 FOR UPDATE');
      const before = await this.get(em);
      await em.query(
        `INSERT INTO job_settings (id, reminder_lead_minutes) VALUES (1, ?) ON DUPLICATE KEY UPDATE reminder_lead_minutes = VALUES(reminder_lead_minutes)`,
        [dto.reminderLeadMinutes],
      );
      const after = await this.get(em);
      await this.audit.recordAction(em, {
        action: 'job_settings.update',
        entityType: 'job_settings',
        entityId: 1,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }
}
