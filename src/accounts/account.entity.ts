import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { AccountGroup } from './account-group.entity';
import { AccountStatus } from './account-status.entity';
import { AccountType } from './account-type.entity';

@Entity('accounts')
export class Account {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ length: 200 }) name: string;
  @Column({ name: 'account_type_id', unsigned: true }) accountTypeId: number;
  @Column({ name: 'account_status_id', unsigned: true }) accountStatusId: number;
  @Column({ name: 'parent_account_id', type: 'int', unsigned: true, nullable: true }) parentAccountId: number | null;
  @Column({ name: 'activated_at', type: 'datetime', precision: 3, nullable: true }) activatedAt: Date | null;

  @Column({ name: 'service_line1', length: 200 }) serviceLine1: string;
  @Column({ name: 'service_line2', type: 'varchar', length: 200, nullable: true }) serviceLine2: string | null;
  @Column({ name: 'service_city', length: 100 }) serviceCity: string;
  @Column({ name: 'service_region', length: 100 }) serviceRegion: string;
  @Column({ name: 'service_postcode', length: 20 }) servicePostcode: string;
  @Column({ name: 'service_country', type: 'char', length: 2 }) serviceCountry: string;
  /** Decimal degrees as strings, exactly as stored: coordinates are never rounded through a float. */
  @Column({ name: 'service_latitude', type: 'decimal', precision: 9, scale: 6, nullable: true }) serviceLatitude: string | null;
  @Column({ name: 'service_longitude', type: 'decimal', precision: 9, scale: 6, nullable: true }) serviceLongitude: string | null;

  @Column({ name: 'mailing_line1', type: 'varchar', length: 200, nullable: true }) mailingLine1: string | null;
  @Column({ name: 'mailing_line2', type: 'varchar', length: 200, nullable: true }) mailingLine2: string | null;
  @Column({ name: 'mailing_city', type: 'varchar', length: 100, nullable: true }) mailingCity: string | null;
  @Column({ name: 'mailing_region', type: 'varchar', length: 100, nullable: true }) mailingRegion: string | null;
  @Column({ name: 'mailing_postcode', type: 'varchar', length: 20, nullable: true }) mailingPostcode: string | null;
  @Column({ name: 'mailing_country', type: 'char', length: 2, nullable: true }) mailingCountry: string | null;

  @CreateDateColumn({ name: 'created_at', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', precision: 3 }) updatedAt: Date;

  @ManyToOne(() => AccountType) @JoinColumn({ name: 'account_type_id' }) accountType: AccountType;
  @ManyToOne(() => AccountStatus) @JoinColumn({ name: 'account_status_id' }) accountStatus: AccountStatus;

  @ManyToMany(() => AccountGroup)
  @JoinTable({
    name: 'account_group_members',
    joinColumn: { name: 'account_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'group_id', referencedColumnName: 'id' },
  })
  groups: AccountGroup[];
}
