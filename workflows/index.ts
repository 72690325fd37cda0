export { auditExportWorkflow } from './audit-export.workflow';
