import type { components } from '../api/schema';

type Schemas = components['schemas'];

export type BillRunSummary = Schemas['BillRunSummaryDto'];
export type ParkedAccount = Schemas['ParkedAccountDto'];
/** The lists are absent while only the list's row is known. */
export type BillRunDetail = BillRunSummary & Partial<Pick<Schemas['BillRunDetailDto'], 'failureList' | 'parkedList'>>;

/** POST /api/bill-runs/preview */
export type InvoicePreview = Schemas['InvoicePreviewDto'];
