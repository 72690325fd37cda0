import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ErrorResponseDto } from '../common/error-response.dto';
import { Authenticated, CurrentUser, Public, SESSION_COOKIE } from '../auth/auth.decorators';
import { tokenFrom } from '../auth/auth.guard';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { LoginDto, LoginResponseDto, MeResponseDto } from './dto/login.dto';
import { SessionsService } from './sessions.service';
import { UsersService } from './users.service';

@ApiTags('auth')
@Controller('auth')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Email or password is wrong (the same answer for an unknown email)' })
  @ApiTooManyRequestsResponse({
    type: ErrorResponseDto,
    description: 'Too many recent failures from this address or for this email; try again after Retry-After seconds',
    headers: { 'Retry-After': { description: 'Seconds to wait before the next try', schema: { type: 'integer' } } },
  })
  @ApiOperation({ summary: 'Log in' })
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponseDto> {
    const { token, expiresAt } = await this.sessions.login(dto.email, dto.password, req.ip);
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: req.secure,
      path: '/',
      expires: expiresAt,
    });
    return { token };
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'Log out' })
  @ApiNoContentResponse({ description: 'The session is over and its cookie cleared' })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = tokenFrom(req);
    if (token) await this.sessions.logout(token);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @Authenticated()
  @ApiOkResponse({ type: MeResponseDto })
  @ApiOperation({ summary: 'Get the signed-in user' })
  me(@CurrentUser() user: AuthenticatedUser): Promise<MeResponseDto> {
    return this.users.describe(user);
  }
}
