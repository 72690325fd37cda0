import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A staff member opened an entity (an account, mostly). Never updated. */
@Entity('view_history')
export class ViewHistory {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: number;
  @Column({ name: 'user_id', type: 'int', unsigned: true }) userId: number;
  @Column({ name: 'user_email', length: 254 }) userEmail: string;
  @Column({ name: 'entity_type', length: 60 }) entityType: string;
  @Column({ name: 'entity_id', length: 64 }) entityId: string;
  @Column({ name: 'viewed_at', type: 'datetime', precision: 3 }) viewedAt: Date;
}
