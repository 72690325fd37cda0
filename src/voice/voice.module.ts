import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AccountVoiceController } from './account-voice.controller';
import { CdrFilesController } from './cdr-files.controller';
import { CdrFilesService } from './cdr-files.service';
import { CdrFolderService } from './cdr-folder.service';
import { CdrImportService } from './cdr-import.service';
import { DidsController } from './dids.controller';
import { DidsService } from './dids.service';
import { RatePlansController } from './rate-plans.controller';
import { RatePlansService } from './rate-plans.service';
import { VoiceCallsService } from './voice-calls.service';
import { VoiceImportActivities } from './voice-import.activities';
import { VoiceServicesService } from './voice-services.service';
import { VoiceStorage } from './voice-storage';

/**
 * Phone service: rate plans and their decks, the instance's numbers and the voice services that
 * hold them, switch files imported into rated calls (by upload or from a watched folder), and an
 * account's calls. Putting calls on invoices is the voice billing module's.
 */
@Module({
  imports: [AccountsModule],
  controllers: [RatePlansController, DidsController, CdrFilesController, AccountVoiceController],
  providers: [
    VoiceStorage,
    RatePlansService,
    DidsService,
    VoiceServicesService,
    CdrFilesService,
    CdrImportService,
    CdrFolderService,
    VoiceCallsService,
    VoiceImportActivities,
  ],
  exports: [VoiceImportActivities, RatePlansService, CdrImportService, CdrFilesService],
})
export class VoiceModule {}
