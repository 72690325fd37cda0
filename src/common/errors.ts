import { HttpStatus } from '@nestjs/common';
import { CommonErrorCode } from './common.error-codes';
import type { ErrorCode } from './errors-catalogue';
import { CodeAnswering, HTTP_STATUS_OF } from './errors-http-status';

export type { ErrorCode } from './errors-catalogue';

export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

/**
 * A rule of the domain was broken. The code is a member of one domain's enum, so clients can
 * branch on it; its HTTP status is decided once per code (errors-http-status.ts), and the one
 * exception filter answers with it, so no controller builds responses by hand.
 */
export class DomainException extends Error {
  readonly status: HttpStatus;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: FieldError[] = [],
  ) {
    super(message);
    this.status = HTTP_STATUS_OF[code];
  }

  /** Headers the answer carries beside the body, such as Retry-After. */
  get headers(): Record<string, string> {
    return {};
  }
}

export class NotFoundException extends DomainException {
  constructor(entity: string, id: string | number) {
    super(CommonErrorCode.NotFound, `${entity} ${id} does not exist`);
  }
}

/** Refused because of the record's current state; only codes that answer 409 are accepted. */
export class ConflictException extends DomainException {
  constructor(code: CodeAnswering<HttpStatus.CONFLICT>, message: string, details: FieldError[] = []) {
    super(code, message, details);
  }
}

/** The first problem as a sentence, so a client showing only `message` still tells the user what to fix. */
export function firstProblem(details: FieldError[]): string {
  if (details.length === 0) return 'The request is not valid';
  const first = details[0].message.replace(/[.!?]+$/, '');
  const more = details.length - 1;
  return more === 0 ? `${first}.` : `${first} (and ${more} more ${more === 1 ? 'problem' : 'problems'} in details).`;
}

export class BadInputException extends DomainException {
  constructor(details: FieldError[], message = firstProblem(details)) {
    super(CommonErrorCode.ValidationFailed, message, details);
  }
}
