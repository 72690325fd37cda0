import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import {
  CreateMessageCategoryDto,
  MESSAGE_CATEGORY_SORTABLE,
  MessageCategoryFilterDto,
  MessageCategoryResponseDto,
  MessageCategorySortField,
  UpdateMessageCategoryDto,
} from './dto/message-category.dto';
import { MessageCategoriesService } from './message-categories.service';

@ApiTags('contacts')
@Controller('message-categories')
export class MessageCategoriesController {
  constructor(private readonly categories: MessageCategoriesService) {}

  @Get()
  @Authenticated({ permission: Permission.AccountsRead })
  @ApiList(MessageCategoryFilterDto)
  @ApiOkResponse({ type: [MessageCategoryResponseDto] })
  list(
    @Query(new ListQueryPipe(MessageCategoryFilterDto, MESSAGE_CATEGORY_SORTABLE, { field: 'name', order: 'ASC' }))
    query: ListQuery<MessageCategoryFilterDto, MessageCategorySortField>,
  ) {
    return this.categories.list(query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.AccountsRead })
  @ApiOkResponse({ type: MessageCategoryResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.categories.get(id);
  }

  @Post()
  @Authenticated({ permission: Permission.AccountsConfigure })
  @ApiCreatedResponse({ type: MessageCategoryResponseDto })
  create(@Body() dto: CreateMessageCategoryDto) {
    return this.categories.create(dto);
  }

  @Put(':id')
  @Authenticated({ permission: Permission.AccountsConfigure })
  @ApiOkResponse({ type: MessageCategoryResponseDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateMessageCategoryDto) {
    return this.categories.update(id, dto);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.AccountsConfigure })
  @ApiOkResponse({ type: MessageCategoryResponseDto })
  remove(@Param('id', ParseIntPipe) id: number) {
    return this.categories.remove(id);
  }
}
