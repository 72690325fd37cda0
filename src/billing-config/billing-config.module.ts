import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { AccountingPeriodController } from './accounting-period.controller';
import { AccountingPeriod } from './accounting-period.entity';
import { AccountingPeriodService } from './accounting-period.service';
import { BillingConfigActivities } from './billing-config.activities';
import { BillingConfigService } from './billing-config.service';
import { BillingSettingsRow } from './billing-settings-row.entity';
import { BillingSettingsController } from './billing-settings.controller';
import { BillingSettingsService } from './billing-settings.service';
import { DelinquencyExclusionDate } from './delinquency-exclusion-date.entity';
import { DelinquencyExclusionDatesController } from './delinquency-exclusion-dates.controller';
import { DelinquencyExclusionDatesService } from './delinquency-exclusion-dates.service';

@Module({
  imports: [AccountsModule, TypeOrmModule.forFeature([BillingSettingsRow, DelinquencyExclusionDate, AccountingPeriod])],
  controllers: [BillingSettingsController, AccountingPeriodController, DelinquencyExclusionDatesController],
  providers: [
    BillingConfigService,
    BillingSettingsService,
    AccountingPeriodService,
    DelinquencyExclusionDatesService,
    BillingConfigActivities,
  ],
  exports: [BillingConfigService, BillingConfigActivities],
})
export class BillingConfigModule {}
