import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One service inside a package, with the package's own unit price for it (minor units). */
@Entity('package_services')
export class PackageItem {
  @PrimaryColumn({ name: 'package_id', unsigned: true }) packageId: number;
  @PrimaryColumn({ name: 'service_id', unsigned: true }) serviceId: number;
  @Column({ type: 'int', unsigned: true }) quantity: number;
  @Column({ type: 'int', unsigned: true }) price: number;
}
