import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { AccountNotesService } from './account-notes.service';
import {
  ACCOUNT_NOTE_SORTABLE,
  AccountNoteFilterDto,
  AccountNoteResponseDto,
  AccountNoteSortField,
  CreateAccountNoteDto,
  UpdateAccountNoteDto,
} from './dto/account-note.dto';

@ApiTags('account-notes')
@Controller('account-notes')
export class AccountNotesController {
  constructor(private readonly notes: AccountNotesService) {}

  @Get()
  @Authenticated({ permission: Permission.AccountsRead })
  @ApiList(AccountNoteFilterDto)
  @ApiOkResponse({ type: [AccountNoteResponseDto] })
  list(
    @Query(new ListQueryPipe(AccountNoteFilterDto, ACCOUNT_NOTE_SORTABLE, { field: 'createdAt', order: 'DESC' }))
    query: ListQuery<AccountNoteFilterDto, AccountNoteSortField>,
  ) {
    return this.notes.list(query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.AccountsRead })
  @ApiOkResponse({ type: AccountNoteResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.notes.get(id);
  }

  @Post()
  @Authenticated({ permission: Permission.AccountsManage })
  @ApiCreatedResponse({ type: AccountNoteResponseDto })
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateAccountNoteDto) {
    return this.notes.create(user, dto);
  }

  @Put(':id')
  @Authenticated({ permission: Permission.AccountsManage })
  @ApiOkResponse({ type: AccountNoteResponseDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateAccountNoteDto) {
    return this.notes.update(id, dto);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.AccountsManage })
  @ApiOkResponse({ type: AccountNoteResponseDto, description: 'The deleted note' })
  delete(@Param('id', ParseIntPipe) id: number) {
    return this.notes.delete(id);
  }
}
