import { Body, Controller, Delete, Get, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { DhcpServersService } from './dhcp-servers.service';
import {
  CreateDhcpServerDto,
  DHCP_SERVER_SORTABLE,
  DhcpServerFilterDto,
  DhcpServerResponseDto,
  DhcpServerSortField,
  UpdateDhcpServerDto,
} from './dto/dhcp-server.dto';

@ApiTags('dhcp')
@Controller('dhcp-servers')
export class DhcpController {
  constructor(private readonly servers: DhcpServersService) {}

  @Get()
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiList(DhcpServerFilterDto)
  @ApiOkResponse({ type: [DhcpServerResponseDto] })
  list(
    @Query(new ListQueryPipe(DhcpServerFilterDto, DHCP_SERVER_SORTABLE, { field: 'name', order: 'ASC' }))
    query: ListQuery<DhcpServerFilterDto, DhcpServerSortField>,
  ) {
    return this.servers.list(query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiOkResponse({ type: DhcpServerResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.servers.get(id);
  }

  @Post()
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiCreatedResponse({ type: DhcpServerResponseDto })
  create(@Body() dto: CreateDhcpServerDto) {
    return this.servers.create(dto);
  }

  @Patch(':id')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiOkResponse({ type: DhcpServerResponseDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateDhcpServerDto) {
    return this.servers.update(id, dto);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiOkResponse({ type: DhcpServerResponseDto, description: 'The deleted server; one still serving subnets is refused' })
  delete(@Param('id', ParseIntPipe) id: number) {
    return this.servers.delete(id);
  }
}
