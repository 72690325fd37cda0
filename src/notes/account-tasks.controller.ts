import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { AccountTasksService } from './account-tasks.service';
import {
  ACCOUNT_TASK_SORTABLE,
  AccountTaskFilterDto,
  AccountTaskResponseDto,
  AccountTaskSortField,
  CreateAccountTaskDto,
  UpdateAccountTaskDto,
} from './dto/account-task.dto';

@ApiTags('account-tasks')
@Controller('account-tasks')
export class AccountTasksController {
  constructor(private readonly tasks: AccountTasksService) {}

  @Get()
  @Authenticated({ permission: Permission.AccountsRead })
  @ApiList(AccountTaskFilterDto)
  @ApiOkResponse({ type: [AccountTaskResponseDto] })
  list(
    @Query(new ListQueryPipe(AccountTaskFilterDto, ACCOUNT_TASK_SORTABLE, { field: 'createdAt', order: 'DESC' }))
    query: ListQuery<AccountTaskFilterDto, AccountTaskSortField>,
  ) {
    return this.tasks.list(query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.AccountsRead })
  @ApiOkResponse({ type: AccountTaskResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.tasks.get(id);
  }

  @Post()
  @Authenticated({ permission: Permission.AccountsManage })
  @ApiCreatedResponse({ type: AccountTaskResponseDto })
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateAccountTaskDto) {
    return this.tasks.create(user, dto);
  }

  @Put(':id')
  @Authenticated({ permission: Permission.AccountsManage })
  @ApiOkResponse({ type: AccountTaskResponseDto })
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdateAccountTaskDto) {
    return this.tasks.update(user, id, dto);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.AccountsManage })
  @ApiOkResponse({ type: AccountTaskResponseDto, description: 'The deleted task' })
  delete(@Param('id', ParseIntPipe) id: number) {
    return this.tasks.delete(id);
  }
}
