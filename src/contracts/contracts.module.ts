import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { BillingModule } from '../billing/billing.module';
import { DocumentsModule } from '../documents/documents.module';
import { EmailModule } from '../email/email.module';
import { NotesModule } from '../notes/notes.module';
import { ContractSigningProcess } from './contract-signing-process';
import { ContractSigningActivities } from './contract-signing.activities';
import { ContractSigningService } from './contract-signing.service';
import { ContractTermsActivities } from './contract-terms.activities';
import { ContractTermsService } from './contract-terms.service';
import { ContractTemplatesController } from './contract-templates.controller';
import { ContractTemplatesService } from './contract-templates.service';
import { ContractValuesService } from './contract-values.service';
import { ContractsController } from './contracts.controller';
import { ContractsService } from './contracts.service';
import { PublicSigningController } from './public-signing.controller';
import { PublicSigningThrottle } from './public-signing-throttle';
import { SigningIdentityService } from './signing-identity';

/** Contract templates, contracts on accounts, signing in person or by a link, and the signed PDFs. */
@Module({
  imports: [AccountsModule, BillingModule, DocumentsModule, EmailModule, NotesModule],
  controllers: [ContractTemplatesController, ContractsController, PublicSigningController],
  providers: [
    ContractValuesService,
    ContractTemplatesService,
    ContractsService,
    ContractSigningService,
    ContractSigningProcess,
    ContractSigningActivities,
    ContractTermsService,
    ContractTermsActivities,
    SigningIdentityService,
    PublicSigningThrottle,
  ],
  exports: [ContractSigningActivities, ContractTermsActivities, ContractsService],
})
export class ContractsModule {}
