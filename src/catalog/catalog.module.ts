import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BillableService } from './billable-service.entity';
import { CatalogService } from './catalog.service';
import { PackageItem } from './package-item.entity';
import { PackagesController } from './packages.controller';
import { PackagesService } from './packages.service';
import { ServicePackage } from './service-package.entity';
import { ServiceTax } from './service-tax.entity';
import { ServicesController } from './services.controller';

@Module({
  imports: [TypeOrmModule.forFeature([BillableService, ServiceTax, ServicePackage, PackageItem])],
  controllers: [ServicesController, PackagesController],
  providers: [CatalogService, PackagesService],
  exports: [CatalogService],
})
export class CatalogModule {}
