import { HttpStatus } from '@nestjs/common';
import { BadInputException, DomainException } from '../common/errors';

export class FileTooLargeException extends DomainException {
  constructor(readonly maxBytes: number) {
    super('file_too_large', `The file is larger than the ${formatBytes(maxBytes)} upload limit`, HttpStatus.PAYLOAD_TOO_LARGE, [
      { field: 'file', rule: 'maxSize', message: `file must be at most ${maxBytes} bytes` },
    ]);
  }
}

export class NotMultipartException extends DomainException {
  constructor(contentType: string | undefined) {
    super('unsupported_media_type', 'Send the file as multipart/form-data', HttpStatus.UNSUPPORTED_MEDIA_TYPE, [
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
    super('upload_aborted', 'The upload was interrupted', HttpStatus.BAD_REQUEST);
  }
}

function formatBytes(bytes: number): string {
  const mib = bytes / 1024 ** 2;
  return Number.isInteger(mib) ? `${mib} MB` : `${bytes} bytes`;
}
