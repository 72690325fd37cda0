import type { components } from '../api/schema';

type Schemas = components['schemas'];

export type AutopayRunSummary = Schemas['AutopayRunSummaryDto'];
export type AutopayAttempt = Schemas['AutopayAttemptDto'];
/** The attempts are absent while only the list's row is known. */
export type AutopayRunDetail = AutopayRunSummary & Partial<Pick<Schemas['AutopayRunDetailDto'], 'attemptList'>>;
