import { Injectable } from '@nestjs/common';
import type { SigningRequestStatus } from '../../workflows/shared';
import { Activity } from '../temporal/activity.decorator';
import { ContractSigningService, type SigningEmailKind } from './contract-signing.service';

/** Activities of the contract signing workflow; each is one transaction on the request's row, safe to repeat. */
@Injectable()
export class ContractSigningActivities {
  constructor(private readonly signing: ContractSigningService) {}

  /** Sends email number `emailNumber` of the request unless it went out already or the request is closed. */
  @Activity()
  async sendSigningEmail(input: { requestId: number; emailNumber: number; kind: SigningEmailKind }): Promise<SigningRequestStatus> {
    return this.signing.sendEmail(input.requestId, input.emailNumber, input.kind);
  }

  /** Expires the request if it is still open and its time is up; otherwise answers where it stands. */
  @Activity()
  async expireSigningRequest(input: { requestId: number }): Promise<SigningRequestStatus> {
    return this.signing.expire(input.requestId);
  }

  @Activity()
  async signingRequestStatus(input: { requestId: number }): Promise<SigningRequestStatus> {
    return this.signing.requestStatus(input.requestId);
  }
}
