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

export class BadInputException extends DomainException {
  constructor(details: FieldError[], message = 'The request is not valid') {
    super('validation_failed', message, HttpStatus.BAD_REQUEST, details);
  }
}
