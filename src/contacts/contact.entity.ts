import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ContactPhone } from './contact-phone.entity';

/**
 * A person on an account. primary_account_id (generated from is_primary) is left
 * unmapped: the database computes it, and its unique key is what guarantees one
 * primary per account.
 */
@Entity('contacts')
export class Contact {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ name: 'account_id', unsigned: true }) accountId: number;
  @Column({ length: 150 }) name: string;
  @Column({ type: 'varchar', length: 60, nullable: true }) role: string | null;
  @Column({ type: 'varchar', length: 254, nullable: true }) email: string | null;
  @Column({ length: 10, default: 'en' }) language: string;
  @Column({ name: 'is_primary', type: 'boolean', default: false }) isPrimary: boolean;
  @Column({ name: 'portal_username', type: 'varchar', length: 80, nullable: true }) portalUsername: string | null;
  @Column({ name: 'portal_password_hash', type: 'varchar', length: 255, nullable: true, select: false }) portalPasswordHash: string | null;
  @CreateDateColumn({ name: 'created_at', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', precision: 3 }) updatedAt: Date;

  @OneToMany(() => ContactPhone, (p) => p.contact) phones: ContactPhone[];
}
