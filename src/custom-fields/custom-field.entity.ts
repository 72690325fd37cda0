import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const CUSTOM_FIELD_TYPES = ['text', 'integer', 'decimal', 'date', 'boolean', 'select'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** A clerk-defined field on accounts; values live in custom_field_values. */
@Entity('custom_fields')
export class CustomField {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ name: 'entity_type', length: 30, default: 'account' }) entityType: string;
  @Column({ length: 80 }) name: string;
  @Column({ type: 'varchar', length: 16 }) type: CustomFieldType;
  @Column({ type: 'boolean', default: false }) required: boolean;
  @Column({ name: 'is_unique', type: 'boolean', default: false }) unique: boolean;
  @Column({ type: 'varchar', length: 255, nullable: true }) pattern: string | null;
  /** A value that matches the pattern, shown to clerks as help instead of the pattern. */
  @Column({ type: 'varchar', length: 255, nullable: true }) example: string | null;
  @Column({ type: 'json', nullable: true }) options: string[] | null;
  @Column({ type: 'smallint', unsigned: true, default: 0 }) position: number;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', precision: 3 }) updatedAt: Date;
}
