import { Entity, PrimaryColumn } from 'typeorm';

/** A tax a service carries; which taxes actually apply to a line is decided per account when it is charged. */
@Entity('service_taxes')
export class ServiceTax {
  @PrimaryColumn({ name: 'service_id', unsigned: true }) serviceId: number;
  @PrimaryColumn({ name: 'tax_id', unsigned: true }) taxId: number;
}
