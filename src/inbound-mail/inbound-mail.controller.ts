import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import {
  INBOUND_MESSAGE_SORTABLE,
  InboundMailCheckResponseDto,
  InboundMessageFilterDto,
  InboundMessageResponseDto,
  InboundMessageSortField,
} from './dto/inbound-message.dto';
import { InboundMessagesService } from './inbound-messages.service';

@ApiTags('inbound mail')
@Controller()
export class InboundMailController {
  constructor(private readonly messages: InboundMessagesService) {}

  @Get('inbound-messages')
  @Authenticated({ permission: Permission.TicketsRead })
  @ApiList(InboundMessageFilterDto)
  @ApiOkResponse({ type: [InboundMessageResponseDto] })
  @ApiOperation({ summary: 'List the mail read from the helpdesk mailbox, filed or rejected, with the reasons' })
  list(
    @Query(new ListQueryPipe(InboundMessageFilterDto, INBOUND_MESSAGE_SORTABLE, { field: 'id', order: 'DESC' }))
    query: ListQuery<InboundMessageFilterDto, InboundMessageSortField>,
  ) {
    return this.messages.list(query);
  }

  @Get('inbound-messages/:id/raw')
  @Authenticated({ permission: Permission.TicketsConfigure })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The message exactly as the mail server had it, as a download (.eml)' })
  @ApiOperation({ summary: 'Download an inbound message as it came' })
  async raw(@Param('id', ParseIntPipe) id: number): Promise<StreamableFile> {
    return new StreamableFile(await this.messages.openRaw(id), {
      // Never shown inline: what is inside was written by a stranger.
      type: 'application/octet-stream',
      disposition: `attachment; filename="inbound-message-${id}.eml"`,
    });
  }

  @Post('inbound-messages/check')
  @HttpCode(202)
  @Authenticated({ permission: Permission.TicketsWrite })
  @ApiOkResponse({ type: InboundMailCheckResponseDto })
  @ApiOperation({ summary: 'Look at the helpdesk mailbox now rather than at its next poll' })
  check() {
    return this.messages.checkNow();
  }
}
