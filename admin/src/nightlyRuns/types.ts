import type { components } from '../api/schema';

export type NightlyStep = 'nightly' | 'delinquency';

export interface NightlyRun {
  id: number;
  step: NightlyStep;
  runDate: string;
  workflowId: string;
  status: 'running' | 'completed' | 'failed';
  caughtUpBy: string | null;
  summary: Record<string, unknown> | null;
  startedAt: string;
  finishedAt: string | null;
}

/** What delinquency would do on a date; amounts in minor units. */
export type DelinquencyPreview = components['schemas']['DelinquencyPreviewResultDto'];
