import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { BillingConfigModule } from '../billing-config/billing-config.module';
import { CatalogModule } from '../catalog/catalog.module';
import { DocumentsModule } from '../documents/documents.module';
import { TaxesModule } from '../taxes/taxes.module';
import { UsersModule } from '../users/users.module';
import { AccountBillingController } from './account-billing.controller';
import { AccountServicesController } from './account-services.controller';
import { AccountServicesService } from './account-services.service';
import { BillingDocumentsController } from './billing-documents.controller';
import { BillingDocumentsService } from './billing-documents.service';
import { BillingFiguresService } from './billing-figures.service';
import { BookFiguresService } from './book-figures.service';
import { ChildAccountsService } from './child-accounts.service';
import { FamilyLockService } from './family-lock.service';
import { InvariantCheckerService } from './invariant-checker.service';
import { InvoiceBatchService } from './invoice-batch.service';
import { InvoiceGenerationService } from './invoice-generation.service';
import { FinalInvoiceService } from './final-invoice.service';
import { InvoiceRows } from './invoice-rows';
import { InvoiceNumbering } from './invoice-numbering';
import { InvoicesController } from './invoices.controller';
import { InvoicesService } from './invoices.service';
import { LedgerPostings } from './ledger-postings';
import { LedgerService } from './ledger.service';
import { ReceivedPaymentsService } from './received-payments.service';
import { RecurringCharges } from './recurring-charges';
import { TransactionsController } from './transactions.controller';
import { TransactionsQueryService } from './transactions-query.service';

@Module({
  imports: [AccountsModule, UsersModule, TaxesModule, CatalogModule, BillingConfigModule, DocumentsModule],
  controllers: [
    InvoicesController,
    TransactionsController,
    AccountServicesController,
    AccountBillingController,
    BillingDocumentsController,
  ],
  providers: [
    FamilyLockService,
    FinalInvoiceService,
    InvoiceRows,
    InvoiceNumbering,
    LedgerPostings,
    LedgerService,
    RecurringCharges,
    BillingFiguresService,
    BookFiguresService,
    InvoiceGenerationService,
    InvoiceBatchService,
    InvoicesService,
    AccountServicesService,
    TransactionsQueryService,
    ReceivedPaymentsService,
    ChildAccountsService,
    InvariantCheckerService,
    BillingDocumentsService,
  ],
  exports: [
    BillingDocumentsService,
    FinalInvoiceService,
    InvoiceRows,
    LedgerService,
    InvoicesService,
    InvoiceGenerationService,
    InvoiceBatchService,
    BillingFiguresService,
    BookFiguresService,
    AccountServicesService,
    TransactionsQueryService,
    InvariantCheckerService,
    FamilyLockService,
    LedgerPostings,
    InvoiceNumbering,
  ],
})
export class BillingModule {}
