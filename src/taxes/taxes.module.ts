import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { AccountTaxOverride } from './account-tax-override.entity';
import { AccountTaxOverridesService } from './account-tax-overrides.service';
import { AccountTaxesController } from './account-taxes.controller';
import { TaxTypesController } from './tax-types.controller';
import { TaxTypesService } from './tax-types.service';
import { TaxType } from './tax-type.entity';
import { TaxZonesController } from './tax-zones.controller';
import { TaxZonesService } from './tax-zones.service';
import { TaxZone } from './tax-zone.entity';
import { TaxService } from './tax.service';
import { Tax } from './tax.entity';
import { TaxesController } from './taxes.controller';
import { TaxesService } from './taxes.service';

@Module({
  imports: [AccountsModule, TypeOrmModule.forFeature([TaxType, Tax, TaxZone, AccountTaxOverride])],
  controllers: [TaxTypesController, TaxesController, TaxZonesController, AccountTaxesController],
  providers: [TaxService, TaxTypesService, TaxesService, TaxZonesService, AccountTaxOverridesService],
  exports: [TaxService],
})
export class TaxesModule {}
