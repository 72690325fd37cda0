import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { StaffUser } from '../users/staff-user.entity';

/** BIGINT may arrive as a string from the driver; file sizes stay far below 2^53, so a number is exact. */
const bigintAsNumber = { to: (value: number) => value, from: (value: string | number) => Number(value) };

@Entity('account_files')
export class AccountFile {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ name: 'account_id', unsigned: true }) accountId: number;
  /** What the clerk calls the file; never used to build a path. */
  @Column({ length: 255 }) name: string;
  /** The file's name on disk: a random uuid, so names chosen by users never reach the file system. */
  @Column({ name: 'storage_key', type: 'char', length: 36 }) storageKey: string;
  @Column({ name: 'size_bytes', type: 'bigint', unsigned: true, transformer: bigintAsNumber }) sizeBytes: number;
  /** Detected from the content at upload, never taken from the name or the client's claim. */
  @Column({ name: 'mime_type', length: 100 }) mimeType: string;
  @Column({ name: 'has_thumbnail', type: 'boolean', default: false }) hasThumbnail: boolean;
  /** Null for a file that arrived as an attachment of inbound mail. */
  @Column({ name: 'uploaded_by_user_id', type: 'int', unsigned: true, nullable: true }) uploadedByUserId: number | null;
  @CreateDateColumn({ name: 'created_at', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', precision: 3 }) updatedAt: Date;

  @ManyToOne(() => StaffUser) @JoinColumn({ name: 'uploaded_by_user_id' }) uploadedBy?: StaffUser;
}
