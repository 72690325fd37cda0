import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ZoneGeometry } from './zone-geometry';

/**
 * An area where a geographic tax applies. The bounding box is kept beside the GeoJSON
 * (as exact DECIMAL text) so the database can rule out far-away zones before any
 * polygon is read.
 */
@Entity('tax_zones')
export class TaxZone {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ length: 120 }) name: string;
  @Column({ name: 'tax_id', unsigned: true }) taxId: number;
  @Column({ type: 'json' }) geometry: ZoneGeometry;
  @Column({ name: 'min_lat', type: 'decimal', precision: 9, scale: 6 }) minLat: string;
  @Column({ name: 'max_lat', type: 'decimal', precision: 9, scale: 6 }) maxLat: string;
  @Column({ name: 'min_lng', type: 'decimal', precision: 9, scale: 6 }) minLng: string;
  @Column({ name: 'max_lng', type: 'decimal', precision: 9, scale: 6 }) maxLng: string;
  @CreateDateColumn({ name: 'created_at', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', precision: 3 }) updatedAt: Date;
}
