import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Contact } from './contact.entity';

export const PHONE_TYPES = ['mobile', 'home', 'work', 'fax', 'other'] as const;
export type PhoneType = (typeof PHONE_TYPES)[number];

/** A phone number in E.164; the generated `digits` column (for search) is left to the database. */
@Entity('contact_phones')
export class ContactPhone {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ name: 'contact_id', unsigned: true }) contactId: number;
  @Column({ type: 'varchar', length: 16 }) type: PhoneType;
  @Column({ length: 20 }) number: string;
  @Column({ type: 'varchar', length: 10, nullable: true }) extension: string | null;

  @ManyToOne('Contact', 'phones', { onDelete: 'CASCADE' }) @JoinColumn({ name: 'contact_id' }) contact: Contact;
}
