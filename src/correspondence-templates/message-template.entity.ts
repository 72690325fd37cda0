import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The wording of one kind of message; the key is how code asks for it, the category decides who receives it. */
@Entity('message_templates')
export class MessageTemplate {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ name: 'template_key', length: 40 }) key: string;
  @Column({ length: 120 }) name: string;
  @Column({ name: 'category_id', unsigned: true }) categoryId: number;
  @Column({ length: 255 }) subject: string;
  @Column({ name: 'body_text', type: 'mediumtext' }) bodyText: string;
  @Column({ name: 'updated_by', type: 'int', unsigned: true, nullable: true }) updatedBy: number | null;
  @CreateDateColumn({ name: 'created_at', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', precision: 3 }) updatedAt: Date;
}
