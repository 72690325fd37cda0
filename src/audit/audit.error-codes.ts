export enum AuditErrorCode {
  ExportNotStarted = 'export_not_started',
  ExportNotReady = 'export_not_ready',
}
