import { Injectable } from '@nestjs/common';
import { Activity } from '../temporal/activity.decorator';
import { ContractTermsReview, ContractTermsService } from './contract-terms.service';

export type { ContractTermsReview } from './contract-terms.service';

/** The nightly process's look at contract terms. */
@Injectable()
export class ContractTermsActivities {
  constructor(private readonly terms: ContractTermsService) {}

  /** Marks contracts whose term ended before `today` expired and leaves renewal tasks; safe to repeat. */
  @Activity()
  async reviewContractTerms(input: { today: string }): Promise<ContractTermsReview> {
    return this.terms.review(input.today);
  }
}
