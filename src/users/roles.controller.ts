import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { ALL_PERMISSIONS, Permission, PERMISSION_DESCRIPTIONS } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe, ListResult } from '../common/list-query';
import { CreateRoleDto, PermissionFilterDto, ROLE_SORTABLE, RoleFilterDto, RoleResponseDto, UpdateRoleDto } from './dto/role.dto';
import { PermissionDto } from './dto/permission.dto';
import { RolesService } from './roles.service';

@ApiTags('users')
@Controller()
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get('roles')
  @Authenticated({ permission: Permission.RolesRead })
  @ApiList(RoleFilterDto)
  @ApiOkResponse({ type: [RoleResponseDto] })
  list(
    @Query(new ListQueryPipe(RoleFilterDto, ROLE_SORTABLE, { field: 'name', order: 'ASC' })) query: ListQuery<RoleFilterDto, 'id' | 'name'>,
  ) {
    return this.roles.list(query);
  }

  @Get('roles/:id')
  @Authenticated({ permission: Permission.RolesRead })
  @ApiOkResponse({ type: RoleResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.roles.get(id);
  }

  @Post('roles')
  @Authenticated({ permission: Permission.RolesManage })
  @ApiCreatedResponse({ type: RoleResponseDto })
  create(@Body() dto: CreateRoleDto) {
    return this.roles.create(dto);
  }

  @Put('roles/:id')
  @Authenticated({ permission: Permission.RolesManage })
  @ApiOkResponse({ type: RoleResponseDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateRoleDto) {
    return this.roles.update(id, dto);
  }

  @Delete('roles/:id')
  @Authenticated({ permission: Permission.RolesManage })
  @ApiOkResponse({ type: RoleResponseDto })
  remove(@Param('id', ParseIntPipe) id: number) {
    return this.roles.remove(id);
  }

  /** The catalogue a role editor picks from. */
  @Get('permissions')
  @Authenticated({ permission: Permission.RolesRead })
  @ApiList(PermissionFilterDto)
  @ApiOperation({ summary: 'List the permissions roles can grant' })
  @ApiOkResponse({ type: [PermissionDto], description: 'One page of permissions' })
  permissions(
    @Query(new ListQueryPipe(PermissionFilterDto, ['id'], { field: 'id', order: 'ASC' })) query: ListQuery<PermissionFilterDto, 'id'>,
  ) {
    const all = ALL_PERMISSIONS.map((id) => ({ id, description: PERMISSION_DESCRIPTIONS[id] }));
    if (query.sort.order === 'DESC') all.reverse();
    return new ListResult('permissions', all.slice(query.offset, query.offset + query.limit), all.length, query.offset);
  }
}
