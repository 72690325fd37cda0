import { DomainException } from '../common/errors';
import { AuthErrorCode } from './auth.error-codes';

/** One answer for an unknown email, a wrong password and a deactivated user alike. */
export class InvalidCredentialsException extends DomainException {
  constructor() {
    super(AuthErrorCode.InvalidCredentials, 'Email or password is wrong');
  }
}

/** Too many recent failures from this address or for this email; says when to try again, never which. */
export class LoginThrottledException extends DomainException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      AuthErrorCode.LoginThrottled,
      `Too many failed logins; try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}`,
    );
  }

  override get headers(): Record<string, string> {
    return { 'Retry-After': String(this.retryAfterSeconds) };
  }
}
