import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsPositive, IsString, Matches, MaxLength } from 'class-validator';
import { unlessNull } from '../../common/unless-null';

export const LIST_ACCOUNTS = ['all', 'delinquent', 'not_delinquent', 'statuses'] as const;
export type ListAccounts = (typeof LIST_ACCOUNTS)[number];
/** What RouterOS and most firewalls take as a list name without quoting. */
const NAME = /^[a-z0-9][a-z0-9_-]*$/;

export class CreateAddressListDto {
  @ApiProperty({ example: 'delinquent', maxLength: 63, description: 'Lower-case letters, digits, - and _: the name routers use' })
  @IsString()
  @MaxLength(63)
  @Matches(NAME, { message: 'name may hold lower-case letters, digits, - and _, and starts with a letter or digit' })
  name: string;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200 }) @unlessNull @IsString() @MaxLength(200) description?:
    string | null;
  @ApiProperty({
    enum: LIST_ACCOUNTS,
    description:
      'Whose addresses: every account, accounts in a delinquency status, accounts in any other status, or accounts in the chosen statuses',
  })
  @IsIn(LIST_ACCOUNTS)
  accounts: ListAccounts;
  @ApiPropertyOptional({ type: [Number], description: 'With accounts = statuses: the account statuses' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsInt({ each: true })
  @IsPositive({ each: true })
  statusIds?: number[];
}

export class UpdateAddressListDto {
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200 }) @unlessNull @IsString() @MaxLength(200) description?:
    string | null;
  @ApiPropertyOptional({ enum: LIST_ACCOUNTS }) @IsOptional() @IsIn(LIST_ACCOUNTS) accounts?: ListAccounts;
  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsInt({ each: true })
  @IsPositive({ each: true })
  statusIds?: number[];
}

export class AddressListFilterDto {
  @ApiPropertyOptional({ description: 'Part of the name or the description' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ enum: LIST_ACCOUNTS }) @IsOptional() @IsIn(LIST_ACCOUNTS) accounts?: ListAccounts;
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsArray() @IsInt({ each: true }) id?: number[];
}

export const ADDRESS_LIST_SORTABLE = ['id', 'name', 'accounts', 'updatedAt'] as const;
export type AddressListSortField = (typeof ADDRESS_LIST_SORTABLE)[number];

export class AddressListResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ enum: LIST_ACCOUNTS }) accounts: ListAccounts;
  @ApiProperty({ type: [Number] }) statusIds: number[];
  @ApiProperty({ description: 'Entries in the list now' }) entryCount: number;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

export class AddressListCreatedDto extends AddressListResponseDto {
  @ApiProperty({ description: 'The key routers fetch the list with (Authorization: Bearer <key>); shown this once, only its hash is kept' })
  fetchKey: string;
}

export class FetchKeyDto {
  @ApiProperty({ description: 'The new key; the old one stops working now. Shown this once.' }) fetchKey: string;
}
