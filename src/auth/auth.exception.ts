import { HttpStatus } from '@nestjs/common';
import { DomainException } from '../common/errors';

/** One answer for an unknown email, a wrong password and a deactivated user alike. */
export class InvalidCredentialsException extends DomainException {
  constructor() {
    super('invalid_credentials', 'Email or password is wrong', HttpStatus.UNAUTHORIZED);
  }
}

/** Too many recent failures from this address or for this email; says when to try again, never which. */
export class LoginThrottledException extends DomainException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'login_throttled',
      `Too many failed logins; try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  override get headers(): Record<string, string> {
    return { 'Retry-After': String(this.retryAfterSeconds) };
  }
}
