import { Global, Module } from '@nestjs/common';
import { CHARGE_SOURCES, type ChargeSource } from './billing/charge-sources';
import { UsageModule } from './usage/usage.module';
import { UsageSettlements } from './usage/usage-settlements';
import { VoiceBillingModule } from './voice/voice-billing.module';
import { VoiceSettlements } from './voice/voice-settlements';

/**
 * The domains whose measured charges join invoices, in the order their lines go on them: data
 * used over the allowance, then calls beyond the included minutes. Billing defines the port and
 * knows none of them; this binding is the one place that does. Global, since the modules it
 * imports import billing's.
 */
@Global()
@Module({
  imports: [UsageModule, VoiceBillingModule],
  providers: [
    {
      provide: CHARGE_SOURCES,
      useFactory: (usage: UsageSettlements, voice: VoiceSettlements): ChargeSource[] => [usage, voice],
      inject: [UsageSettlements, VoiceSettlements],
    },
  ],
  exports: [CHARGE_SOURCES],
})
export class ChargeSourcesModule {}
