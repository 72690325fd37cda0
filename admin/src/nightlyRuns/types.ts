import type { components } from '../api/schema';

export type NightlyRun = components['schemas']['NightlyRunDto'];
export type NightlyStep = NightlyRun['step'];

/** What delinquency would do on a date; amounts in minor units. */
export type DelinquencyPreview = components['schemas']['DelinquencyPreviewResultDto'];
