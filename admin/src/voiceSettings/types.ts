import type { Schemas } from '../dataProvider/apiClient';

export type RatePlan = Schemas['RatePlanResponseDto'];
export type Rate = Schemas['RateResponseDto'];
export type RateDeckImport = Schemas['RateDeckImportResponseDto'];
export type Did = Schemas['DidResponseDto'];
export type DidState = Did['state'];
export type SettableDidState = NonNullable<Schemas['UpdateDidDto']['state']>;
export type DidRange = Schemas['DidRangeResponseDto'];
export type CdrFile = Schemas['CdrFileResponseDto'];
export type CdrFileStatus = CdrFile['status'];
export type CdrFormat = CdrFile['format'];
export type CdrReject = Schemas['CdrRejectResponseDto'];
export type CdrRejectReason = CdrReject['reason'];
export type CallDirection = Rate['direction'];

export const DID_STATES = ['available', 'assigned', 'reserved', 'retired'] as const satisfies readonly DidState[];
export const CDR_FILE_STATUSES = ['received', 'importing', 'imported', 'failed'] as const satisfies readonly CdrFileStatus[];
export const CDR_REJECT_REASONS = [
  'malformed_csv',
  'columns',
  'bad_date',
  'bad_duration',
  'negative_duration',
  'missing_number',
  'not_e164',
  'bad_direction',
  'unmatched',
  'no_rate',
] as const satisfies readonly CdrRejectReason[];

/** The most numbers one range may add (the API's MAX_DID_RANGE): a longer one is almost always a typo. */
export const MAX_DID_RANGE = 10_000;

/** The plan's deck, a page at a time: `voice-rate-plans/:id/rates`. */
export const ratesResource = (planId: number | string): string => `voice-rate-plans/${planId}/rates`;
/** One file's lines that did not become calls: `voice-cdr-files/:id/rejects`. */
export const fileRejectsResource = (fileId: number | string): string => `voice-cdr-files/${fileId}/rejects`;

/** The generic layout's facts, each read from the column of the header it names. */
export interface CdrMapping {
  start: string;
  from: string;
  to: string;
  durationSeconds?: string;
  answer?: string;
  end?: string;
  callId?: string;
  direction?: string;
}

/** How a switch file is to be read, as the upload sends it (fields before the file). */
export interface CdrUploadOptions {
  format: CdrFormat;
  timeZone?: string;
  defaultCountry?: string;
  direction?: CallDirection;
  logUniqueId?: boolean;
  logUserField?: boolean;
  newCdrColumns?: boolean;
  mapping?: CdrMapping;
}
