import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, DocumentBuilder, type OpenAPIObject } from '@nestjs/swagger';

/** Names of the two ways to present a staff session, as the document's security schemes. */
export const BEARER_SCHEME = 'bearer';
export const SESSION_COOKIE_SCHEME = 'session';

/** Declares both schemes on the document; `cookieName` is the cookie the login answer sets. */
export function declareSecuritySchemes(builder: DocumentBuilder, cookieName: string): DocumentBuilder {
  return builder
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'opaque',
        description: 'The token `POST /api/auth/login` answers with, sent as `Authorization: Bearer <token>`',
      },
      BEARER_SCHEME,
    )
    .addCookieAuth(
      cookieName,
      {
        type: 'apiKey',
        in: 'cookie',
        name: cookieName,
        description: 'The session cookie `POST /api/auth/login` sets (the admin panel uses it)',
      },
      SESSION_COOKIE_SCHEME,
    );
}

/** Either scheme opens the route: two alternative requirements, not both at once. */
export const ApiSessionSecurity = () => applyDecorators(ApiBearerAuth(BEARER_SCHEME), ApiCookieAuth(SESSION_COOKIE_SCHEME));

/**
 * Routes marked @Public() (they carry `x-public`) get `security: []`: generated clients and the
 * docs page send no credentials there, and "open on purpose" differs from "forgot to say".
 */
export function openPublicOperations(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const op = item[method];
      if (op && (op as unknown as Record<string, unknown>)['x-public'] === true) op.security = [];
    }
  }
}
