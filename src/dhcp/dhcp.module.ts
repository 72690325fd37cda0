import { Module } from '@nestjs/common';
import { DhcpController } from './dhcp.controller';
import { DhcpServersService } from './dhcp-servers.service';

@Module({
  controllers: [DhcpController],
  providers: [DhcpServersService],
})
export class DhcpModule {}
