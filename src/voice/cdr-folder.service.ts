import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { BadInputException } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { transactionWithRetry } from '../database/transaction';
import { CdrFilesService } from './cdr-files.service';
import { readCdrOptions, type CdrReading } from './cdr-options';
import { exists, sha256OfFile, VoiceStorage } from './voice-storage';

/** Options for every file of the folder without a sidecar of its own. */
export const FOLDER_DEFAULTS_FILE = 'defaults.json';
/** Names a writer gives a file it has not finished; such a file is left alone whatever its age. */
const UNFINISHED = /^\.|\.(tmp|part|partial|swp)$/i;

export interface CdrFolderScan {
  filesTaken: number;
  importsStarted: number;
}

/**
 * The watched folder (VOICE_CDR_FOLDER). A file is taken once it has not changed for
 * VOICE_CDR_FOLDER_SETTLE_SECONDS and is not named as unfinished; how it is read comes from a
 * sidecar `<name>.json` beside it (the upload's option names), else from `defaults.json` in the
 * folder, else it is an Asterisk Master.csv read with the instance's defaults. The file is
 * recorded, then moved into storage, so it is read once; one that cannot be read is recorded as
 * failed with the reason, and moved all the same. A scan that died between the two finds the row
 * of the same name and content with no stored bytes, and finishes the move without a second row.
 */
@Injectable()
export class CdrFolderService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectPinoLogger(CdrFolderService.name) private readonly logger: PinoLogger,
    private readonly files: CdrFilesService,
    private readonly storage: VoiceStorage,
  ) {}

  async scan(heartbeat: () => void = () => {}): Promise<CdrFolderScan> {
    const folder = this.storage.inbox;
    await mkdir(folder, { recursive: true });
    await this.storage.ensureDirs();
    const entries = (await readdir(folder, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
    const present = new Set(entries);
    const folderDefaults = present.has(FOLDER_DEFAULTS_FILE) ? await this.sidecar(join(folder, FOLDER_DEFAULTS_FILE)) : { options: {} };
    let filesTaken = 0;
    for (const name of entries.sort()) {
      if (UNFINISHED.test(name) || name.toLowerCase().endsWith('.json')) continue;
      const path = join(folder, name);
      let info;
      try {
        info = await stat(path);
      } catch {
        continue;
      }
      if (Date.now() - info.mtimeMs < this.config.VOICE_CDR_FOLDER_SETTLE_SECONDS * 1000) continue;
      heartbeat();
      const sidecarName = `${name}.json`;
      const own = present.has(sidecarName) ? await this.sidecar(join(folder, sidecarName)) : null;
      const { reading, failure } = await this.readingOf(path, info.size, own ?? folderDefaults);
      const sha256 = await sha256OfFile(path);
      heartbeat();
      const [seen]: { id: number; stored_path: string }[] = await this.db.query(
        "SELECT id, stored_path FROM voice_cdr_files WHERE source = 'folder' AND name = ? AND sha256 = ? ORDER BY id DESC LIMIT 1",
        [name.slice(0, 255), sha256],
      );
      const movedBefore = seen !== undefined && !(await exists(this.storage.absolute(seen.stored_path)));
      if (!movedBefore) {
        await transactionWithRetry(this.db, (em) =>
          this.files.registerIn(em, {
            name,
            source: 'folder',
            reading,
            sha256,
            byteSize: info.size,
            storedPath: this.storage.storedPathOf(sha256),
            uploadedBy: null,
            ...(failure ? { failure } : {}),
          }),
        );
        filesTaken++;
      }
      await this.storage.keep(path, sha256);
      if (own) await rm(join(folder, sidecarName), { force: true });
      this.logger.info({ name, sha256, failure }, 'Took a call record file from the folder');
    }
    let importsStarted = 0;
    for (const file of await this.files.waitingFiles()) {
      if (await this.files.startImport(file.id, file.name)) importsStarted++;
    }
    return { filesTaken, importsStarted };
  }

  /** How the file is read, or why it cannot be: options that do not read, too large, or first lines that are not call records. */
  private async readingOf(
    path: string,
    size: number,
    sidecar: { options: Record<string, unknown>; problem?: string },
  ): Promise<{ reading: CdrReading | null; failure?: string }> {
    if (sidecar.problem) return { reading: null, failure: sidecar.problem };
    const { reading, errors } = readCdrOptions(sidecar.options, this.files.readingDefaults());
    if (!reading) return { reading: null, failure: `its options cannot be used: ${errors.map((e) => e.message).join('; ')}` };
    if (size > this.config.VOICE_CDR_MAX_BYTES) {
      return { reading, failure: `it is ${size} bytes, past the limit of ${this.config.VOICE_CDR_MAX_BYTES} (VOICE_CDR_MAX_BYTES)` };
    }
    try {
      await this.files.checkHead(path, reading);
    } catch (err) {
      if (err instanceof BadInputException) return { reading, failure: err.message };
      throw err;
    }
    return { reading };
  }

  private async sidecar(path: string): Promise<{ options: Record<string, unknown>; problem?: string }> {
    try {
      const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        return { options: {}, problem: `its options file ${path} is not a JSON object` };
      }
      return { options: parsed as Record<string, unknown> };
    } catch (err) {
      return { options: {}, problem: `its options file ${path} cannot be read: ${(err as Error).message}` };
    }
  }
}
