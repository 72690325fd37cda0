import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { AccountNote } from './account-note.entity';
import { AccountNotesController } from './account-notes.controller';
import { AccountNotesService } from './account-notes.service';
import { AccountTask } from './account-task.entity';
import { AccountTasksController } from './account-tasks.controller';
import { AccountTasksService } from './account-tasks.service';

@Module({
  imports: [AccountsModule, TypeOrmModule.forFeature([AccountNote, AccountTask])],
  controllers: [AccountNotesController, AccountTasksController],
  providers: [AccountNotesService, AccountTasksService],
  exports: [AccountTasksService],
})
export class NotesModule {}
