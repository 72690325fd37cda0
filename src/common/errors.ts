import { HttpStatus } from '@nestjs/common';

export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

/**
 * A rule of the domain was broken. Carries an HTTP status so the one exception
 * filter can answer without each controller building responses by hand.
 */
export class DomainException extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: HttpStatus = HttpStatus.UNPROCESSABLE_ENTITY,
    readonly details: FieldError[] = [],
  ) {
    super(message);
  }

  /** Headers the answer carries beside the body, such as Retry-After. */
  get headers(): Record<string, string> {
    return {};
  }
}

export class NotFoundException extends DomainException {
  constructor(entity: string, id: string | number) {
    super('not_found', `${entity} ${id} does not exist`, HttpStatus.NOT_FOUND);
  }
}

export class ConflictException extends DomainException {
  constructor(code: string, message: string, details: FieldError[] = []) {
    super(code, message, HttpStatus.CONFLICT, details);
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
    super('validation_failed', message, HttpStatus.BAD_REQUEST, details);
  }
}
