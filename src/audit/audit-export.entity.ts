import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ActionHistoryFilterDto } from './dto/action-history-filter.dto';

export type AuditExportStatus = 'running' | 'completed' | 'failed';

@Entity('audit_exports')
export class AuditExport {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ name: 'requested_by', type: 'int', unsigned: true }) requestedBy: number;
  @Column({ type: 'json' }) filter: ActionHistoryFilterDto;
  @Column({ type: 'varchar', length: 16 }) status: AuditExportStatus;
  @Column({ name: 'row_count', type: 'int', unsigned: true, default: 0 }) rowCount: number;
  @Column({ type: 'varchar', length: 500, nullable: true }) error: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'completed_at', type: 'datetime', precision: 3, nullable: true }) completedAt: Date | null;
}
