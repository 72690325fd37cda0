import { Body, Controller, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { CreateUserDto, UpdateUserDto, USER_SORTABLE, UserFilterDto, UserResponseDto, UserSortField } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Authenticated({ permission: Permission.UsersRead })
  @ApiList(UserFilterDto)
  @ApiOkResponse({ type: [UserResponseDto] })
  list(
    @Query(new ListQueryPipe(UserFilterDto, USER_SORTABLE, { field: 'id', order: 'ASC' })) query: ListQuery<UserFilterDto, UserSortField>,
  ) {
    return this.users.list(query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.UsersRead })
  @ApiOkResponse({ type: UserResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.users.get(id);
  }

  @Post()
  @Authenticated({ permission: Permission.UsersManage })
  @ApiCreatedResponse({ type: UserResponseDto })
  create(@Body() dto: CreateUserDto) {
    return this.users.create(dto);
  }

  @Put(':id')
  @Authenticated({ permission: Permission.UsersManage })
  @ApiOkResponse({ type: UserResponseDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateUserDto) {
    return this.users.update(id, dto);
  }
}
