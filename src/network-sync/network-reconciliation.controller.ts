import { Controller, Get, HttpCode, Inject, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import { networkReconcileWorkflow } from '../../workflows/network-reconcile.workflow';
import { workflowIds } from '../../workflows/shared';
import { Authenticated, CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Permission } from '../auth/permission';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import { NetworkReconciliationService } from './network-reconciliation.service';

class ReconciliationReportDto {
  @ApiProperty({ type: [String] }) radius: string[];
  @ApiProperty({ type: [String] }) nas: string[];
  @ApiProperty({ type: [String] }) dhcp: string[];
  @ApiProperty() handedOver: number;
  @ApiProperty({ type: [String] }) skipped: string[];
}

export class NetworkReconciliationDto {
  @ApiProperty() id: number;
  @ApiProperty({ enum: ['running', 'completed', 'failed'] }) status: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) nightOf: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) finishedAt: string | null;
  @ApiProperty({ description: 'Rows and reservations repaired' }) repairs: number;
  @ApiPropertyOptional({ nullable: true, type: ReconciliationReportDto }) report: ReconciliationReportDto | null;
  @ApiPropertyOptional({ description: 'The Temporal workflow running it, when staff asked for it' }) workflowId?: string;
}

@ApiTags('network')
@Controller('network-reconciliations')
export class NetworkReconciliationController {
  constructor(
    private readonly reconciliation: NetworkReconciliationService,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(202)
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiOperation({ summary: 'Compare FreeRADIUS and the DHCP servers with Backhaul now and repair the difference' })
  @ApiAcceptedResponse({ type: NetworkReconciliationDto })
  async start(@CurrentUser() user: AuthenticatedUser): Promise<NetworkReconciliationDto> {
    const id = await this.reconciliation.request(user.id);
    const workflowId = workflowIds.networkReconcile(id);
    await this.client.workflow.start(networkReconcileWorkflow, {
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      workflowId,
      args: [{ reconciliationId: id }],
      memo: { description: `Network reconciliation ${id}, asked for by ${user.email}` },
    });
    return { ...(await this.reconciliation.get(id)), workflowId };
  }

  @Get(':id')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiOkResponse({ type: NetworkReconciliationDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.reconciliation.get(id);
  }
}
