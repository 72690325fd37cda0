import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { NetworkSyncModule } from '../network-sync/network-sync.module';
import { IpAssignmentRows } from './ip-assignment-rows';
import { IpAssignmentsController } from './ip-assignments.controller';
import { IpAssignmentsService } from './ip-assignments.service';
import { IpPlanRows } from './ip-plan-rows';
import { IpPlanController } from './ip-plan.controller';
import { IpPlanService } from './ip-plan.service';
import { UninventoriedMacsService } from './uninventoried-macs.service';

@Module({
  imports: [AccountsModule, NetworkSyncModule],
  controllers: [IpPlanController, IpAssignmentsController],
  providers: [IpPlanRows, IpPlanService, IpAssignmentRows, IpAssignmentsService, UninventoriedMacsService],
  exports: [IpPlanService, IpAssignmentsService],
})
export class IpamModule {}
