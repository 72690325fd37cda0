import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../common/error-response.dto';
import { ApiSessionSecurity } from '../common/openapi-security';
import type { AuthenticatedUser } from './authenticated-user';
import { Permission } from './permission';

export const PUBLIC_ROUTE = 'backhaul:public';
export const ROUTE_PERMISSION = 'backhaul:permission';
export const SESSION_COOKIE = 'backhaul_session';

/** Open to anyone. Only health and signed webhooks should carry this. */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension('x-public', true));

/**
 * Needs a session; with a permission, also a role granting it. Routes carry the
 * permission in OpenAPI (`x-permission`) so tests can check every route from the document.
 */
export const Authenticated = (options: { permission?: Permission } = {}) =>
  applyDecorators(
    SetMetadata(ROUTE_PERMISSION, options.permission ?? null),
    ApiExtension('x-permission', options.permission ?? 'session'),
    ApiSessionSecurity(),
    ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'No valid session' }),
    ...(options.permission ? [ApiForbiddenResponse({ type: ErrorResponseDto, description: `Needs ${options.permission}` })] : []),
  );

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthenticatedUser => {
  return ctx.switchToHttp().getRequest().user;
});
