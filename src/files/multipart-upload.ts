import busboy from 'busboy';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FILE_NAME_MAX_LENGTH } from './dto/account-file.dto';
import { FileTooLargeException, MalformedUploadException, NotMultipartException, UploadAbortedException } from './files.exception';
import { SNIFF_BYTES } from './file-type-sniffer';

const DRAIN_AFTER_FAILURE_MS = 10_000;

export interface StoredUpload {
  /** Text fields that came before the file. */
  fields: Record<string, string>;
  name: string;
  storageKey: string;
  path: string;
  sizeBytes: number;
  /** The first bytes, for type detection. */
  head: Buffer;
}

export interface UploadOptions {
  dir: string;
  maxBytes: number;
  /** The multipart field carrying the file. */
  fileField: string;
  /** Runs when the file part starts, with the fields sent before it; throwing refuses the upload before any byte is written. */
  beforeFile: (fields: Record<string, string>) => Promise<void>;
}

/** Counts bytes on their way to disk, keeps the first few for sniffing, and fails the moment the limit is passed. */
class SizeLimit extends Transform {
  bytes = 0;
  private readonly headChunks: Buffer[] = [];
  private headBytes = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  get head(): Buffer {
    return Buffer.concat(this.headChunks).subarray(0, SNIFF_BYTES);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) return done(new FileTooLargeException(this.maxBytes));
    if (this.headBytes < SNIFF_BYTES) {
      const part = chunk.subarray(0, SNIFF_BYTES - this.headBytes);
      this.headChunks.push(Buffer.from(part));
      this.headBytes += part.length;
    }
    done(null, chunk);
  }
}

/** The client's name for the file, made safe to show and to offer back as a download name. */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = [...base.replace(/\p{Cc}/gu, '').trim()].slice(0, FILE_NAME_MAX_LENGTH).join('');
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'upload' : cleaned;
}

/**
 * Streams a multipart/form-data body with one file straight to `dir` under a
 * random name. Only the first {@link SNIFF_BYTES} bytes are held in memory. On
 * any failure the partial file is deleted before the promise rejects, and the
 * rest of the body is drained (not stored) so the client can read the answer.
 */
export function receiveUpload(req: Request, options: UploadOptions): Promise<StoredUpload> {
  return new Promise<StoredUpload>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { files: 1, fields: 10, fieldSize: 1024, fieldNameSize: 100, parts: 11 },
      });
    } catch {
      reject(new NotMultipartException(req.headers['content-type']));
      return;
    }

    const fields: Record<string, string> = {};
    let fileStream: Readable | undefined;
    let stored: Promise<StoredUpload> | undefined;
    let settled = false;

    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      // Reading on without storing lets the response reach a client that is still sending,
      // but only for a while: a client that ignores the answer is cut off.
      req.resume();
      if (!req.complete) {
        const cutOff = setTimeout(() => req.socket.destroy(), DRAIN_AFTER_FAILURE_MS).unref();
        req.once('end', () => clearTimeout(cutOff));
      }
      fileStream?.destroy();
      const cleanUp = stored ? stored.then((upload) => rm(upload.path, { force: true })).catch(() => undefined) : Promise.resolve();
      void cleanUp.then(() => reject(err));
    };

    const store = async (file: Readable, clientName: string | undefined): Promise<StoredUpload> => {
      await options.beforeFile({ ...fields });
      const storageKey = randomUUID();
      const path = join(options.dir, storageKey);
      const limit = new SizeLimit(options.maxBytes);
      try {
        await pipeline(file, limit, createWriteStream(path, { flags: 'wx' }));
      } catch (err) {
        await rm(path, { force: true });
        throw err;
      }
      return { fields: { ...fields }, name: cleanFileName(clientName), storageKey, path, sizeBytes: limit.bytes, head: limit.head };
    };

    parser.on('field', (name, value, info) => {
      if (info.nameTruncated || info.valueTruncated) return fail(new MalformedUploadException(`field ${name} is too long`));
      // Fields after the file arrive too late to matter; they are ignored rather than refused.
      if (!stored) fields[name] = value;
    });
    parser.on('file', (name, file, info) => {
      if (name !== options.fileField || stored) {
        file.resume();
        return fail(new MalformedUploadException(`only one file, in the field ${options.fileField}, is accepted`));
      }
      fileStream = file;
      // Errors on the part reach us through pipeline(), or do not matter once the upload has failed.
      file.on('error', () => undefined);
      stored = store(file, info.filename);
      stored.catch((err: unknown) => {
        // A refusal from beforeFile leaves busboy waiting for someone to read the part.
        file.resume();
        fail(err);
      });
    });
    parser.on('filesLimit', () => fail(new MalformedUploadException('only one file per upload')));
    parser.on('fieldsLimit', () => fail(new MalformedUploadException('too many fields')));
    parser.on('partsLimit', () => fail(new MalformedUploadException('too many parts')));
    parser.on('error', (err: Error) => fail(new MalformedUploadException(err.message)));
    parser.on('close', () => {
      if (settled) return;
      if (!stored) return fail(new MalformedUploadException(`${options.fileField} is missing`));
      stored.then((upload) => {
        if (settled) return void rm(upload.path, { force: true });
        settled = true;
        resolve(upload);
      }, fail);
    });
    req.on('error', () => fail(new UploadAbortedException()));
    req.on('close', () => {
      if (!req.complete) fail(new UploadAbortedException());
    });
    req.pipe(parser);
  });
}
