import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { contractSigningWorkflow } from '../../workflows/contract-signing.workflow';
import {
  cancelSigningUpdate,
  resendSigningUpdate,
  searchAttributes,
  signingClosedSignal,
  workflowIds,
  type SigningRequestStatus,
} from '../../workflows/shared';
import { durationList, durationSeconds } from '../common/durations';
import { DomainException } from '../common/errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import { ContractsErrorCode } from './contracts.error-codes';

/** How long a clerk's request waits for Temporal before it is answered 503. */
const ANSWER_WITHIN_MS = 10_000;

function unavailable(err: unknown): DomainException {
  return new DomainException(
    ContractsErrorCode.SigningProcessUnavailable,
    `The signing process did not answer; try again shortly (${err instanceof Error ? err.message : String(err)})`,
  );
}

export interface SigningRunStart {
  requestId: number;
  contractId: number;
  contractName: string;
  accountId: number;
  email: string;
  sentAt: Date;
  expiresAt: Date;
}

/** Starts and steers the workflow of each signing request. */
@Injectable()
export class ContractSigningProcess {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectPinoLogger('ContractSigning') private readonly logger: PinoLogger,
  ) {}

  async start(run: SigningRunStart): Promise<void> {
    try {
      await this.client.withDeadline(Date.now() + ANSWER_WITHIN_MS, () =>
        this.client.workflow.start(contractSigningWorkflow, {
          taskQueue: this.config.TEMPORAL_TASK_QUEUE,
          workflowId: workflowIds.contractSigning(run.requestId),
          args: [
            {
              requestId: run.requestId,
              contractId: run.contractId,
              accountId: run.accountId,
              sentAt: run.sentAt.toISOString(),
              expiresAt: run.expiresAt.toISOString(),
              reminderAfterSeconds: durationList(this.config.CONTRACT_SIGNING_REMINDERS),
              checkEverySeconds: durationSeconds(this.config.CONTRACT_SIGNING_CHECK_EVERY),
            },
          ],
          typedSearchAttributes: [{ key: searchAttributes.accountId, value: run.accountId }],
          memo: {
            description: `Contract '${run.contractName}' (${run.contractId}) sent to ${run.email} for signature, account ${run.accountId}`,
            account: run.accountId,
            contract: run.contractId,
            expiresAt: run.expiresAt.toISOString(),
          },
        }),
      );
    } catch (err) {
      throw unavailable(err);
    }
  }

  /** A fresh email now and the new expiry; the row already holds it. */
  async resend(requestId: number, expiresAt: Date): Promise<SigningRequestStatus> {
    try {
      return await this.client.withDeadline(Date.now() + ANSWER_WITHIN_MS, () =>
        this.client.workflow
          .getHandle(workflowIds.contractSigning(requestId))
          .executeUpdate(resendSigningUpdate, { args: [{ expiresAt: expiresAt.toISOString() }] }),
      );
    } catch (err) {
      throw unavailable(err);
    }
  }

  /**
   * Tells the run its request was cancelled, or closed by a signature or a refusal. The row is
   * committed already, so a run that is gone or a Temporal that does not answer is only logged:
   * the run's next look at the row ends it.
   */
  async closed(requestId: number, state: Exclude<SigningRequestStatus['state'], 'open'>): Promise<void> {
    const handle = this.client.workflow.getHandle(workflowIds.contractSigning(requestId));
    try {
      await this.client.withDeadline(Date.now() + ANSWER_WITHIN_MS, async () => {
        if (state === 'cancelled') await handle.executeUpdate(cancelSigningUpdate);
        else await handle.signal(signingClosedSignal, { state });
      });
    } catch (err) {
      if (err instanceof WorkflowNotFoundError || err instanceof WorkflowUpdateFailedError) return;
      this.logger.warn(
        { requestId, state, err: err instanceof Error ? err.message : String(err) },
        'Signing run not told; its next look ends it',
      );
    }
  }
}
