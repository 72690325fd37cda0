import { ApplicationFailure, proxyActivities, setHandler } from '@temporalio/workflow';
import type { AuditActivities } from '../src/audit/audit.activities';
import { auditExportProgressQuery } from './shared';

const { writeAuditExportPart, completeAuditExport, failAuditExport } = proxyActivities<AuditActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { maximumAttempts: 5, initialInterval: '1 second' },
});

export interface AuditExportInput {
  exportId: number;
}

/**
 * Writes the action history matching an export's filter to CSV, one part file
 * per activity. Each part is rewritten whole on retry, so a worker dying mid-run
 * never leaves duplicated or missing rows.
 */
export async function auditExportWorkflow({ exportId }: AuditExportInput): Promise<{ rowCount: number }> {
  const progress = { parts: 0, rowCount: 0 };
  setHandler(auditExportProgressQuery, () => progress);

  try {
    let afterId = 0;
    for (;;) {
      const part = await writeAuditExportPart({ exportId, part: progress.parts + 1, afterId });
      if (part.rows === 0) break;
      progress.parts += 1;
      progress.rowCount += part.rows;
      afterId = part.lastId;
      if (!part.more) break;
    }
    await completeAuditExport({ exportId, parts: progress.parts, rowCount: progress.rowCount });
    return { rowCount: progress.rowCount };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await failAuditExport({ exportId, message });
    throw ApplicationFailure.nonRetryable(`Audit export ${exportId} failed: ${message}`);
  }
}
