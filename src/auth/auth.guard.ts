import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainException } from '../common/errors';
import { requestContext } from '../common/request-context';
import { PUBLIC_ROUTE, ROUTE_PERMISSION, SESSION_COOKIE } from './auth.decorators';
import type { Permission } from './permission';
import { SessionVerifier } from './session-verifier';
import { AuthErrorCode } from './auth.error-codes';

export function tokenFrom(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || undefined;
  const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
  return cookie || undefined;
}

/**
 * Global: every route needs a session unless it is marked @Public(). A route
 * with a permission also needs a role that grants it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const req = context.switchToHttp().getRequest<Request & { user?: unknown }>();
    const token = tokenFrom(req);
    const user = token ? await this.sessions.authenticate(token) : null;
    if (!user) throw new DomainException(AuthErrorCode.Unauthenticated, 'Log in first');

    req.user = user;
    requestContext.setActor({ userId: user.id, email: user.email });

    const permission = this.reflector.getAllAndOverride<Permission | null>(ROUTE_PERMISSION, targets);
    if (permission && !user.permissions.has(permission)) {
      throw new DomainException(AuthErrorCode.Forbidden, `Your role does not allow this (needs ${permission})`);
    }
    return true;
  }
}
