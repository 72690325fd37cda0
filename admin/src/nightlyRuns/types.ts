import type { components } from '../api/schema';
export type NightlyStep = NightlyRun['step'];

export type NightlyRun = components['schemas']['NightlyRunDto'];

/** What delinquency would do on a date; amounts in minor units. */
export type DelinquencyPreview = components['schemas']['DelinquencyPreviewResultDto'];
