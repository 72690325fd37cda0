import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AccountPageModule } from './account-page/account-page.module';
import { AccountsModule } from './accounts/accounts.module';
import { AuditModule } from './audit/audit.module';
import { AutopayModule } from './autopay/autopay.module';
import { BillRunsModule } from './bill-runs/bill-runs.module';
import { BillingConfigModule } from './billing-config/billing-config.module';
import { BillingModule } from './billing/billing.module';
import { CallLogsModule } from './call-logs/call-logs.module';
import { CatalogModule } from './catalog/catalog.module';
import { CommonModule } from './common/common.module';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { ListResultInterceptor } from './common/list-result.interceptor';
import { loggerOptions } from './common/logger-options';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { ContactsModule } from './contacts/contacts.module';
import { ContractsModule } from './contracts/contracts.module';
import { AddressListsModule } from './address-lists/address-lists.module';
import { DhcpModule } from './dhcp/dhcp.module';
import { InventoryModule } from './inventory/inventory.module';
import { IpamModule } from './ipam/ipam.module';
import { NetworkSyncModule } from './network-sync/network-sync.module';
import { UsageModule } from './usage/usage.module';
import { RadiusModule } from './radius/radius.module';
import { CorrespondenceTemplatesModule } from './correspondence-templates/correspondence-templates.module';
import { PaymentNotifierModule } from './correspondence-templates/payment-notifier.module';
import { CustomFieldsModule } from './custom-fields/custom-fields.module';
import { DatabaseModule } from './database/database.module';
import { DelinquencyModule } from './delinquency/delinquency.module';
import { DisconnectionModule } from './disconnection/disconnection.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { DocumentsModule } from './documents/documents.module';
import { EmailModule } from './email/email.module';
import { FilesModule } from './files/files.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { NotesModule } from './notes/notes.module';
import { PaymentsModule } from './payments/payments.module';
import { ScheduledEventsModule } from './scheduled-events/scheduled-events.module';
import { TaxesModule } from './taxes/taxes.module';
import { TemporalModule } from './temporal/temporal.module';
import { SessionsModule } from './users/sessions.module';
import { UsersModule } from './users/users.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { NightlyModule } from './nightly/nightly.module';
import { TicketsModule } from './tickets/tickets.module';
import { TicketDeadlinesModule } from './ticket-deadlines/ticket-deadlines.module';
import { InboundMailModule } from './inbound-mail/inbound-mail.module';
import { JobsModule } from './jobs/jobs.module';
import { ChargeSourcesModule } from './charge-sources.module';
import { ElevationModule } from './elevation/elevation.module';
import { VoiceModule } from './voice/voice.module';

export interface AppModuleOptions {
  /** Where logs go; stdout when absent. Tests pass a buffer to inspect log lines. */
  logStream?: DestinationStream;
}

/** Domain modules shared by the API and the worker. */
export function domainModules(config: AppConfig) {
  return [
    ConfigModule.forRoot(config),
    CommonModule,
    DatabaseModule,
    TemporalModule,
    AuditModule,
    UsersModule,
    AccountsModule,
    ContactsModule,
    CustomFieldsModule,
    NotesModule,
    FilesModule,
    AccountPageModule,
    TaxesModule,
    CatalogModule,
    BillingConfigModule,
    BillingModule,
    DocumentsModule,
    DelinquencyModule,
    DisconnectionModule,
    BillRunsModule,
    ScheduledEventsModule,
    PaymentsModule,
    WebhooksModule,
    AutopayModule,
    EmailModule,
    CorrespondenceTemplatesModule,
    DashboardModule,
    PaymentNotifierModule,
    CallLogsModule,
    NightlyModule,
    ContractsModule,
    NetworkSyncModule,
    IpamModule,
    RadiusModule,
    InventoryModule,
    DhcpModule,
    AddressListsModule,
    UsageModule,
    TicketsModule,
    TicketDeadlinesModule,
    InboundMailModule,
    JobsModule,
    ChargeSourcesModule,
    ElevationModule,
    VoiceModule,
  ];
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(loggerOptions(config, options.logStream)),
        ...domainModules(config),
        SessionsModule,
        HealthModule,
        MetricsModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: ListResultInterceptor },
      ],
    };
  }
}
