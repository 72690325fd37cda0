import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActionHistory } from './action-history.entity';
import { AuditExport } from './audit-export.entity';
import { AuditExportService } from './audit-export.service';
import { AuditActivities } from './audit.activities';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { ViewHistory } from './view-history.entity';

/** Global: every domain records its mutations through AuditService. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ActionHistory, ViewHistory, AuditExport])],
  controllers: [AuditController],
  providers: [AuditService, AuditExportService, AuditActivities],
  exports: [AuditService, AuditActivities],
})
export class AuditModule {}
