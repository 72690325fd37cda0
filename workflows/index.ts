export { auditExportWorkflow } from './audit-export.workflow';
export { billRunWorkflow } from './bill-run.workflow';
