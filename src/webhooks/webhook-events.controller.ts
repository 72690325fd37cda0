import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ErrorResponseDto } from '../common/error-response.dto';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { WebhookEventDto, WebhookEventFilterDto, WebhookInboxFiguresDto } from './dto/webhook-event.dto';
import { WebhookInboxService } from './webhook-inbox.service';

@ApiTags('webhooks')
@Controller('webhook-events')
export class WebhookEventsController {
  constructor(private readonly inbox: WebhookInboxService) {}

  @Get()
  @Authenticated({ permission: Permission.WebhooksRead })
  @ApiList(WebhookEventFilterDto)
  @ApiOkResponse({ type: [WebhookEventDto], description: 'Processor events, newest first' })
  list(
    @Query(new ListQueryPipe(WebhookEventFilterDto, ['receivedAt'] as const, { field: 'receivedAt', order: 'DESC' }))
    q: ListQuery<WebhookEventFilterDto, 'receivedAt'>,
  ) {
    return this.inbox.list(q.filter, q.offset, q.limit);
  }

  @Get('inbox')
  @Authenticated({ permission: Permission.WebhooksRead })
  @ApiOkResponse({ type: WebhookInboxFiguresDto })
  @ApiOperation({ summary: 'How many processor events wait, and for how long' })
  inboxFigures() {
    return this.inbox.figures();
  }

  @Get(':id')
  @Authenticated({ permission: Permission.WebhooksRead })
  @ApiOkResponse({ type: WebhookEventDto })
  get(@Param('id') id: string) {
    return this.inbox.get(id);
  }

  @Post(':id/redispatch')
  @Authenticated({ permission: Permission.WebhooksDispatch })
  @ApiCreatedResponse({ type: WebhookEventDto, description: 'Handed to processing again' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The event was already processed or ignored' })
  @ApiOperation({ summary: 'Hand a stored processor event to processing again' })
  redispatch(@Param('id') id: string) {
    return this.inbox.redispatch(id);
  }
}
