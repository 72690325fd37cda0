import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthGuard } from '../auth/auth.guard';
import { SessionVerifier } from '../auth/session-verifier';
import { LoginThrottle } from './login-throttle.service';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';
import { StaffSession } from './staff-session.entity';
import { UsersModule } from './users.module';

/**
 * Staff sign-in and sessions, and the guard that closes every route unless it says
 * otherwise: auth's guard asks these sessions who is behind a token. Imported by the
 * API only; the worker serves no routes.
 */
@Module({
  imports: [TypeOrmModule.forFeature([StaffSession]), UsersModule],
  controllers: [SessionsController],
  providers: [
    SessionsService,
    LoginThrottle,
    { provide: SessionVerifier, useExisting: SessionsService },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [SessionsService],
})
export class SessionsModule {}
