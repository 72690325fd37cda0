import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, link, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/**
 * Where voice files live on disk. A switch file is kept once, by its content: under
 * `<STORAGE_DIR>/voice-cdr/<first two hex digits>/<sha256>`, so the same file uploaded twice or
 * dropped into the folder again takes no more room, and its rows can always find its bytes again.
 * Uploads land in `voice-uploads` under a random name until they are checked.
 */
@Injectable()
export class VoiceStorage {
  readonly cdrDir: string;
  readonly uploadDir: string;
  readonly inbox: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.cdrDir = resolve(config.STORAGE_DIR, 'voice-cdr');
    this.uploadDir = resolve(config.STORAGE_DIR, 'voice-uploads');
    this.inbox = resolve(config.VOICE_CDR_FOLDER ?? join(config.STORAGE_DIR, 'voice-cdr-inbox'));
  }

  async ensureDirs(): Promise<void> {
    await mkdir(this.cdrDir, { recursive: true });
    await mkdir(this.uploadDir, { recursive: true });
  }

  /** The stored path of a file of this content, relative to the storage folder, as voice_cdr_files keeps it. */
  storedPathOf(sha256: string): string {
    return join('voice-cdr', sha256.slice(0, 2), sha256);
  }

  absolute(storedPath: string): string {
    return resolve(this.cdrDir, '..', storedPath);
  }

  /**
   * Moves (or, from another file system, copies) the file at `from` into content-addressed storage
   * and returns its stored path. A file of the same content already there is kept, and `from` goes.
   */
  async keep(from: string, sha256: string): Promise<string> {
    const storedPath = this.storedPathOf(sha256);
    const target = this.absolute(storedPath);
    await mkdir(dirname(target), { recursive: true });
    if (await exists(target)) {
      await rm(from, { force: true });
      return storedPath;
    }
    try {
      await rename(from, target);
    } catch (err) {
      if ((err as { code?: string }).code !== 'EXDEV') throw err;
      // Another file system: copied under a temporary name first, so a half-copied file never has the final name.
      const partial = `${target}.partial`;
      await copyFile(from, partial);
      await rename(partial, target);
      await rm(from, { force: true });
    }
    return storedPath;
  }

  /** Puts the file into storage without taking it from where it is (a hard link where possible). */
  async keepCopy(from: string, sha256: string): Promise<string> {
    const storedPath = this.storedPathOf(sha256);
    const target = this.absolute(storedPath);
    await mkdir(dirname(target), { recursive: true });
    if (await exists(target)) return storedPath;
    const partial = `${target}.${process.pid}.partial`;
    try {
      await link(from, partial);
    } catch {
      await copyFile(from, partial);
    }
    await rename(partial, target);
    return storedPath;
  }
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** The SHA-256 of a file's bytes, in hex, read as a stream. */
export function sha256OfFile(path: string): Promise<string> {
  return new Promise((done, fail) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', fail)
      .on('end', () => done(hash.digest('hex')));
  });
}
