import { ApiProperty } from '@nestjs/swagger';
import { CUSTOM_FIELD_TYPES, type CustomFieldType } from '../custom-fields/custom-field.entity';

export class HeaderStatusDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() color: string;
  @ApiProperty() countsAsActive: boolean;
  @ApiProperty() isDelinquency: boolean;
}

export class HeaderRefDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
}

export class HeaderLocationDto {
  @ApiProperty({ example: '12 Oak St, Springfield, IL 62701, US' }) formatted: string;
  @ApiProperty({ nullable: true, type: String }) latitude: string | null;
  @ApiProperty({ nullable: true, type: String }) longitude: string | null;
}

export class HeaderContactDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) mobile: string | null;
}

export class HeaderChildrenDto {
  @ApiProperty() count: number;
  @ApiProperty({ type: [HeaderRefDto] }) items: HeaderRefDto[];
}

export class AccountHeaderDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ type: HeaderStatusDto }) status: HeaderStatusDto;
  @ApiProperty({ type: HeaderRefDto }) type: HeaderRefDto;
  @ApiProperty({ type: [HeaderRefDto] }) groups: HeaderRefDto[];
  @ApiProperty({ type: HeaderLocationDto }) location: HeaderLocationDto;
  @ApiProperty({ type: HeaderContactDto, nullable: true }) primaryContact: HeaderContactDto | null;
  @ApiProperty({ type: HeaderRefDto, nullable: true }) parent: HeaderRefDto | null;
  @ApiProperty({ type: HeaderChildrenDto }) children: HeaderChildrenDto;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'The next date a bill run invoices the account, as the billing figures give it',
  })
  nextBillingDate: string | null;
}

export class CustomFieldDisplayDto {
  @ApiProperty() fieldId: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CUSTOM_FIELD_TYPES }) type: CustomFieldType;
  @ApiProperty({ oneOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }] }) value:
    string | number | boolean | null;
}
