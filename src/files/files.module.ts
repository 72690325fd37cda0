import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { AccountFile } from './account-file.entity';
import { AccountFilesController } from './account-files.controller';
import { AccountFilesService } from './account-files.service';
import { FileStorage } from './file-storage';

@Module({
  imports: [AccountsModule, TypeOrmModule.forFeature([AccountFile])],
  controllers: [AccountFilesController],
  providers: [AccountFilesService, FileStorage],
  exports: [AccountFilesService, FileStorage],
})
export class FilesModule {}
