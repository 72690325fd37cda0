import { Body, Controller, Delete, Get, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { DhcpServersService } from './dhcp-servers.service';
import { CreateDhcpServerDto, DhcpServerResponseDto, UpdateDhcpServerDto } from './dto/dhcp-server.dto';

@ApiTags('dhcp')
@Controller('dhcp-servers')
export class DhcpController {
  constructor(private readonly servers: DhcpServersService) {}

  @Get()
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiOkResponse({ type: [DhcpServerResponseDto] })
  list() {
    return this.servers.list();
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
