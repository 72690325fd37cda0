import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A day on which no account is made delinquent, whatever its weekday (a public holiday, say). */
@Entity('delinquency_exclusion_dates')
export class DelinquencyExclusionDate {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  /** Read as the stored calendar day, whatever the process time zone. */
  @Column({ type: 'date', utc: true }) date: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) reason: string | null;
  /** The same month and day every year (a fixed holiday); the stored year is only the first one. */
  @Column({ name: 'repeats_yearly', type: 'boolean', default: false }) repeatsYearly: boolean;
  @CreateDateColumn({ name: 'created_at', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', precision: 3 }) updatedAt: Date;
}
