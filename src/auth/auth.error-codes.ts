export enum AuthErrorCode {
  Unauthenticated = 'unauthenticated',
  /** Logged in, but the role lacks the permission the request needs. */
  Forbidden = 'forbidden',
  InvalidCredentials = 'invalid_credentials',
  LoginThrottled = 'login_throttled',
}
