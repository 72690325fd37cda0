import { Inject, Injectable } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { APP_CONFIG, AppConfig } from '../config/app-config';

export const THUMBNAIL_MAX_PX = 256;

/** Where account files live on disk: `<STORAGE_DIR>/account-files/<uuid>`, thumbnails beside them. */
@Injectable()
export class FileStorage {
  readonly dir: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectPinoLogger(FileStorage.name) private readonly logger: PinoLogger,
  ) {
    this.dir = resolve(config.STORAGE_DIR, 'account-files');
  }

  async ensureDir(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
  }

  pathOf(storageKey: string): string {
    return join(this.dir, storageKey);
  }

  thumbnailPathOf(storageKey: string): string {
    return join(this.dir, `${storageKey}.thumb.webp`);
  }

  /**
   * Writes a small WebP beside the file. A picture sharp cannot read (corrupt, or
   * too many pixels) simply gets no thumbnail; the upload itself still counts.
   */
  async makeThumbnail(storageKey: string): Promise<boolean> {
    try {
      await sharp(this.pathOf(storageKey), { limitInputPixels: 100_000_000 })
        .rotate()
        .resize(THUMBNAIL_MAX_PX, THUMBNAIL_MAX_PX, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 80 })
        .toFile(this.thumbnailPathOf(storageKey));
      return true;
    } catch (err) {
      this.logger.warn({ err, storageKey }, 'No thumbnail for this image');
      await rm(this.thumbnailPathOf(storageKey), { force: true });
      return false;
    }
  }

  /** Removes the bytes and any thumbnail; a failure is logged, not thrown, because the row is already gone. */
  async remove(storageKey: string): Promise<void> {
    for (const path of [this.pathOf(storageKey), this.thumbnailPathOf(storageKey)]) {
      try {
        await rm(path, { force: true });
      } catch (err) {
        this.logger.error({ err, path }, 'Could not remove a stored file');
      }
    }
  }
}
