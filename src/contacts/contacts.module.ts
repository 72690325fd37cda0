import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { UsersModule } from '../users/users.module';
import { ContactPhone } from './contact-phone.entity';
import { Contact } from './contact.entity';
import { ContactsController } from './contacts.controller';
import { ContactsService } from './contacts.service';
import { MessageCategoriesController } from './message-categories.controller';
import { MessageCategoriesService } from './message-categories.service';
import { MessageCategory } from './message-category.entity';

@Module({
  imports: [AccountsModule, UsersModule, TypeOrmModule.forFeature([Contact, ContactPhone, MessageCategory])],
  controllers: [ContactsController, MessageCategoriesController],
  providers: [ContactsService, MessageCategoriesService],
  exports: [ContactsService],
})
export class ContactsModule {}
