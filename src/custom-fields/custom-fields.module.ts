import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomFieldValuesService } from './custom-field-values.service';
import { CustomField } from './custom-field.entity';
import { CustomFieldsController } from './custom-fields.controller';
import { CustomFieldsService } from './custom-fields.service';

@Module({
  imports: [TypeOrmModule.forFeature([CustomField])],
  controllers: [CustomFieldsController],
  providers: [CustomFieldsService, CustomFieldValuesService],
  exports: [CustomFieldValuesService],
})
export class CustomFieldsModule {}
