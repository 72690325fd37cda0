import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { VoiceSettlements } from './voice-settlements';

/**
 * Calls on invoices: the settlement of each voice service's period, which billing reaches as one
 * of its CHARGE_SOURCES (bound in src/charge-sources.module.ts) and knows nothing else of.
 */
@Module({
  imports: [CatalogModule],
  providers: [VoiceSettlements],
  exports: [VoiceSettlements],
})
export class VoiceBillingModule {}
