import { Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { Activity } from '../temporal/activity.decorator';
import { CdrFolderService, type CdrFolderScan } from './cdr-folder.service';
import { CdrImportService, type CdrImportReport } from './cdr-import.service';

/** How long one round of a file's import reads before it reports back to its workflow. */
export const IMPORT_ROUND_MS = 20_000;

/** Activities of the call record import; each is safe to repeat. */
@Injectable()
export class VoiceImportActivities {
  constructor(
    private readonly imports: CdrImportService,
    private readonly folder: CdrFolderService,
  ) {}

  /** Imports chunks of the file for about twenty seconds, beating after each, and says where it stands. */
  @Activity()
  async importCdrFile(input: { fileId: number }): Promise<CdrImportReport> {
    const context = Context.current();
    context.heartbeat();
    return this.imports.importFor(input.fileId, IMPORT_ROUND_MS, (progress) => context.heartbeat(progress));
  }

  /** Takes the folder's complete files into storage, records them, and starts the imports waiting to start. */
  @Activity()
  async scanCdrFolder(): Promise<CdrFolderScan> {
    const context = Context.current();
    return this.folder.scan(() => context.heartbeat());
  }
}
