import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AuditState = Record<string, unknown> | null;

/** One mutation: who did what to which entity, with the state before and after. Never updated. */
@Entity('action_history')
export class ActionHistory {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: number;
  @Column({ name: 'actor_user_id', type: 'int', unsigned: true, nullable: true }) actorUserId: number | null;
  @Column({ name: 'actor_email', type: 'varchar', length: 254, nullable: true }) actorEmail: string | null;
  @Column({ length: 40 }) action: string;
  @Column({ name: 'entity_type', length: 60 }) entityType: string;
  @Column({ name: 'entity_id', length: 64 }) entityId: string;
  /** The account the entity belongs to (an account's contact, note, file…), for the account's log. */
  @Column({ name: 'account_id', type: 'int', unsigned: true, nullable: true }) accountId: number | null;
  @Column({ name: 'before_state', type: 'json', nullable: true }) before: AuditState;
  @Column({ name: 'after_state', type: 'json', nullable: true }) after: AuditState;
  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true }) requestId: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}
