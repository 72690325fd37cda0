import { BadInputException, DomainException } from '../common/errors';
import { FilesErrorCode } from './files.error-codes';

export class FileTooLargeException extends DomainException {
  constructor(readonly maxBytes: number) {
    super(FilesErrorCode.FileTooLarge, `The file is larger than the ${formatBytes(maxBytes)} upload limit`, [
      { field: 'file', rule: 'maxSize', message: `file must be at most ${maxBytes} bytes` },
    ]);
  }
}

export class NotMultipartException extends DomainException {
  constructor(contentType: string | undefined) {
    super(FilesErrorCode.UnsupportedMediaType, 'Send the file as multipart/form-data', [
      { field: 'Content-Type', rule: 'mediaType', message: `Content-Type ${contentType ?? '(none)'} is not accepted here` },
    ]);
  }
}

export class MalformedUploadException extends BadInputException {
  constructor(message: string) {
    super([{ field: 'body', rule: 'multipart', message }], 'The upload could not be read');
  }
}

/** The client went away mid-upload; nobody is left to read an answer, but the partial file must still go. */
export class UploadAbortedException extends DomainException {
  constructor() {
    super(FilesErrorCode.UploadAborted, 'The upload was interrupted');
  }
}

function formatBytes(bytes: number): string {
  const mib = bytes / 1024 ** 2;
  return Number.isInteger(mib) ? `${mib} MB` : `${bytes} bytes`;
}
