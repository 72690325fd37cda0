import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsPositive, IsString, MaxLength, ValidateNested } from 'class-validator';
import { unlessNull } from '../../common/unless-null';

export const ITEM_STATUSES = ['in_stock', 'deployed', 'faulty', 'retired'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export class FieldValueDto {
  @ApiProperty() @IsInt() @IsPositive() fieldId: number;
  @ApiProperty({ maxLength: 500, description: 'Empty clears the value' }) @IsString() @MaxLength(500) value: string;
}

export class CreateItemDto {
  @ApiProperty() @IsInt() @IsPositive() modelId: number;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 100 }) @unlessNull @IsString() @MaxLength(100) serial?: string | null;
  @ApiPropertyOptional({ type: [String], example: ['00:1a:2b:3c:4d:5e'], description: "As many as the model's MAC count, in its order" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(16)
  @IsString({ each: true })
  macs?: string[];
  @ApiPropertyOptional({ type: [FieldValueDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => FieldValueDto)
  fieldValues?: FieldValueDto[];
  @ApiPropertyOptional({ description: 'Where it is kept; give this or accountId' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  stockLocationId?: number;
  @ApiPropertyOptional({ description: 'The account it is deployed at; give this or stockLocationId' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  accountId?: number;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 1000 }) @unlessNull @IsString() @MaxLength(1000) notes?: string | null;
}

export class UpdateItemDto {
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 100 }) @unlessNull @IsString() @MaxLength(100) serial?: string | null;
  @ApiPropertyOptional({ type: [FieldValueDto], description: 'Values to set; the others stay' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => FieldValueDto)
  fieldValues?: FieldValueDto[];
  @ApiPropertyOptional({ enum: ['faulty', 'retired', 'in_stock', 'deployed'] }) @IsOptional() @IsIn(ITEM_STATUSES) status?: ItemStatus;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 1000 }) @unlessNull @IsString() @MaxLength(1000) notes?: string | null;
}

/** Who has the item: an account (deployed) or a stock location. Exactly one. */
export class ItemAssigneeDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() accountId?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() stockLocationId?: number;
}

export class AssignItemDto {
  @ApiProperty({ description: 'An item in stock' }) @IsInt() @IsPositive() itemId: number;
}

export class ConnectedDeviceDto {
  @ApiProperty({ example: 'a4:83:e7:01:02:03', description: 'A MAC address seen behind the item' }) @IsString() @MaxLength(20) mac: string;
}

export class ItemFilterDto {
  @ApiPropertyOptional({ description: 'Part of the serial or a MAC address' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() modelId?: number;
  @ApiPropertyOptional({ enum: ITEM_STATUSES }) @IsOptional() @IsIn(ITEM_STATUSES) status?: ItemStatus;
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() accountId?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() stockLocationId?: number;
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsArray() @IsInt({ each: true }) id?: number[];
}

export const ITEM_SORTABLE = ['id', 'serial', 'model', 'status', 'updatedAt'] as const;
export type ItemSortField = (typeof ITEM_SORTABLE)[number];

export class ItemMacResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() position: number;
  @ApiProperty() mac: string;
  @ApiProperty({ type: [String], description: 'Addresses assigned to this MAC now' }) ipAddresses: string[];
}

export class ItemFieldValueResponseDto {
  @ApiProperty() fieldId: number;
  @ApiProperty() name: string;
  @ApiProperty() value: string;
}

export class ItemResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() modelId: number;
  @ApiProperty() modelName: string;
  @ApiProperty() manufacturerName: string;
  @ApiProperty({ nullable: true, type: String }) serial: string | null;
  @ApiProperty({ enum: ITEM_STATUSES }) status: ItemStatus;
  @ApiProperty({ nullable: true, type: Number }) accountId: number | null;
  @ApiProperty({ nullable: true, type: String }) accountName: string | null;
  @ApiProperty({ nullable: true, type: Number }) stockLocationId: number | null;
  @ApiProperty({ nullable: true, type: String }) stockLocationName: string | null;
  @ApiProperty({ type: [ItemMacResponseDto] }) macs: ItemMacResponseDto[];
  @ApiProperty({ type: [ItemFieldValueResponseDto] }) fieldValues: ItemFieldValueResponseDto[];
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

export class ConnectedDeviceResponseDto {
  @ApiProperty() mac: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Our item with that MAC, when it is one' }) itemId: number | null;
  @ApiProperty({ nullable: true, type: String }) itemLabel: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) firstSeenAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) lastSeenAt: string;
}
