import type { AuthenticatedUser } from './authenticated-user';

/**
 * Who is behind a session token. Auth's guard asks it on every request; the domain
 * that keeps staff sessions (users) provides it, so auth imports no domain.
 */
export abstract class SessionVerifier {
  /** The user behind a token, or null when the token is unknown, expired, or the user inactive. */
  abstract authenticate(token: string): Promise<AuthenticatedUser | null>;
}
