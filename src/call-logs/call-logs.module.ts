import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { CallLogRows } from './call-log-rows';
import { CallLogsController } from './call-logs.controller';
import { CallLogsService } from './call-logs.service';

@Module({
  imports: [AccountsModule],
  controllers: [CallLogsController],
  providers: [CallLogRows, CallLogsService],
  exports: [CallLogsService],
})
export class CallLogsModule {}
