import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Only a SHA-256 of the token is stored, so a database dump grants no sessions. */
@Entity('staff_sessions')
export class StaffSession {
  @PrimaryColumn({ name: 'token_hash', type: 'char', length: 64 }) tokenHash: string;
  @Column({ name: 'user_id', unsigned: true }) userId: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 }) expiresAt: Date;
}
