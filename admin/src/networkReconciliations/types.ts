import type { components } from '../api/schema';

type Schemas = components['schemas'];

export type ReconciliationSummary = Schemas['NetworkReconciliationSummaryDto'];
export type ReconciliationRepair = Schemas['ReconciliationRepairDto'];
/** The report and its repairs are absent while only the list's row is known. */
export type ReconciliationDetail = ReconciliationSummary &
  Partial<Pick<Schemas['NetworkReconciliationDto'], 'report' | 'repairList' | 'workflowId'>>;
