import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import {
  MergeFieldDto,
  MESSAGE_TEMPLATE_SORTABLE,
  MessageTemplateFilterDto,
  MessageTemplateResponseDto,
  MessageTemplateSortField,
  PreviewMessageTemplateDto,
  RenderedMessageDto,
  UpdateMessageTemplateDto,
} from './dto/message-template.dto';
import { MessageTemplatesService } from './message-templates.service';

@ApiTags('correspondence')
@Controller('message-templates')
export class MessageTemplatesController {
  constructor(private readonly templates: MessageTemplatesService) {}

  @Get()
  @Authenticated({ permission: Permission.CorrespondenceRead })
  @ApiList(MessageTemplateFilterDto)
  @ApiOkResponse({ type: [MessageTemplateResponseDto] })
  list(
    @Query(new ListQueryPipe(MessageTemplateFilterDto, MESSAGE_TEMPLATE_SORTABLE, { field: 'name', order: 'ASC' }))
    query: ListQuery<MessageTemplateFilterDto, MessageTemplateSortField>,
  ) {
    return this.templates.list(query);
  }

  // Declared before :key so "merge-fields" is not taken for a template key.
  @Get('merge-fields')
  @Authenticated({ permission: Permission.CorrespondenceRead })
  @ApiOkResponse({ type: [MergeFieldDto] })
  @ApiOperation({ summary: 'List the merge fields of message templates' })
  mergeFields() {
    return this.templates.mergeFields();
  }

  @Get(':key')
  @Authenticated({ permission: Permission.CorrespondenceRead })
  @ApiOkResponse({ type: MessageTemplateResponseDto })
  get(@Param('key') key: string) {
    return this.templates.get(key);
  }

  @Put(':key')
  @Authenticated({ permission: Permission.CorrespondenceConfigure })
  @ApiOkResponse({ type: MessageTemplateResponseDto })
  update(@CurrentUser() user: AuthenticatedUser, @Param('key') key: string, @Body() dto: UpdateMessageTemplateDto) {
    return this.templates.update(user, key, dto);
  }

  @Post(':key/preview')
  @HttpCode(200)
  @Authenticated({ permission: Permission.CorrespondenceRead })
  @ApiOkResponse({ type: RenderedMessageDto })
  @ApiOperation({ summary: 'Preview a message template' })
  preview(@Param('key') key: string, @Body() dto: PreviewMessageTemplateDto) {
    return this.templates.preview(key, dto);
  }
}
