import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { BillingModule } from '../billing/billing.module';
import { ContactsModule } from '../contacts/contacts.module';
import { CustomFieldsModule } from '../custom-fields/custom-fields.module';
import { AccountPageController } from './account-page.controller';
import { AccountPageService } from './account-page.service';

@Module({
  imports: [AccountsModule, BillingModule, ContactsModule, CustomFieldsModule],
  controllers: [AccountPageController],
  providers: [AccountPageService],
})
export class AccountPageModule {}
