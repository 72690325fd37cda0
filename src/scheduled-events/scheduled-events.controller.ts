import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { DomainException } from '../common/errors';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import {
  CreateScheduledEventDto,
  ScheduledEventFilterDto,
  ScheduledEventResponseDto,
  UpdateScheduledEventDto,
} from './dto/scheduled-event.dto';
import { ScheduledEventSortField, ScheduledEventsService } from './scheduled-events.service';
import { AuthErrorCode } from '../auth/auth.error-codes';

/** Choosing proration by hand needs its own permission, as for a service added now. */
function assertMayChooseProration(user: AuthenticatedUser, prorate: boolean | null | undefined): void {
  if (prorate !== undefined && !user.permissions.has(Permission.BillingProrationOverride)) {
    throw new DomainException(AuthErrorCode.Forbidden, `Choosing proration needs the ${Permission.BillingProrationOverride} permission`, [
      { field: 'prorate', rule: 'permission', message: `leave prorate out, or ask for ${Permission.BillingProrationOverride}` },
    ]);
  }
}

@ApiTags('scheduled events')
@Controller()
export class ScheduledEventsController {
  constructor(private readonly events: ScheduledEventsService) {}

  @Get('accounts/:id/scheduled-events')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiList(ScheduledEventFilterDto)
  @ApiOkResponse({ type: [ScheduledEventResponseDto] })
  list(
    @Param('id', ParseIntPipe) accountId: number,
    @Query(new ListQueryPipe(ScheduledEventFilterDto, ['runAt', 'id'] as const, { field: 'runAt', order: 'DESC' }))
    q: ListQuery<ScheduledEventFilterDto, ScheduledEventSortField>,
  ) {
    return this.events.list(accountId, q);
  }

  @Post('accounts/:id/scheduled-events')
  @Authenticated({ permission: Permission.BillingManage })
  @ApiCreatedResponse({ type: ScheduledEventResponseDto })
  create(@Param('id', ParseIntPipe) accountId: number, @Body() dto: CreateScheduledEventDto, @CurrentUser() user: AuthenticatedUser) {
    assertMayChooseProration(user, dto.prorate === null ? undefined : dto.prorate);
    return this.events.create(accountId, dto, user);
  }

  @Get('scheduled-events/:id')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: ScheduledEventResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.events.get(id);
  }

  @Patch('scheduled-events/:id')
  @Authenticated({ permission: Permission.BillingManage })
  @ApiOkResponse({ type: ScheduledEventResponseDto, description: 'The event with its new time or values, one revision on' })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateScheduledEventDto, @CurrentUser() user: AuthenticatedUser) {
    assertMayChooseProration(user, dto.prorate);
    return this.events.update(id, dto);
  }

  @Post('scheduled-events/:id/cancel')
  @HttpCode(200)
  @Authenticated({ permission: Permission.BillingManage })
  @ApiOkResponse({ type: ScheduledEventResponseDto })
  @ApiOperation({ summary: 'Cancel a scheduled event' })
  cancel(@Param('id', ParseIntPipe) id: number) {
    return this.events.cancel(id);
  }

  @Post('scheduled-events/:id/perform-now')
  @HttpCode(200)
  @Authenticated({ permission: Permission.BillingManage })
  @ApiOkResponse({
    type: ScheduledEventResponseDto,
    description: 'The event once carried out (done, or failed with its reason); still scheduled if the action is slow to finish',
  })
  @ApiOperation({ summary: 'Perform a scheduled event now' })
  performNow(@Param('id', ParseIntPipe) id: number) {
    return this.events.performNow(id);
  }
}
