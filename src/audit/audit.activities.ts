import { Injectable } from '@nestjs/common';
import { AuditExportService } from './audit-export.service';
import { Activity } from '../temporal/activity.decorator';

/** Activities of the audit-export workflow; the worker registers these bound methods. */
@Injectable()
export class AuditActivities {
  constructor(private readonly exports: AuditExportService) {}

  @Activity()
  async writeAuditExportPart(input: { exportId: number; part: number; afterId: number }) {
    return this.exports.writePart(input.exportId, input.part, input.afterId);
  }

  @Activity()
  async completeAuditExport(input: { exportId: number; parts: number; rowCount: number }): Promise<void> {
    await this.exports.complete(input.exportId, input.parts, input.rowCount);
  }

  @Activity()
  async failAuditExport(input: { exportId: number; message: string }): Promise<void> {
    await this.exports.fail(input.exportId, input.message);
  }
}
