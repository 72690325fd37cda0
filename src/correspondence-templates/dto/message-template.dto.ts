import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsPositive, IsString, MaxLength, MinLength } from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** MEDIUMTEXT holds far more; a message body past this is a mistake, not a letter. */
export const MAX_BODY_LENGTH = 20_000;

export class MessageTemplateResponseDto {
  @ApiProperty({ example: 'invoice', description: 'The template key, also its id in the admin' }) id: string;
  @ApiProperty({ example: 'invoice' }) key: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Contacts who tick this message category receive the message' }) categoryId: number;
  @ApiProperty() categoryName: string;
  @ApiProperty() subject: string;
  @ApiProperty({ description: 'Plain text with merge fields such as {{account.name}}' }) bodyText: string;
  @ApiProperty({ nullable: true, type: Number }) updatedBy: number | null;
  @ApiProperty({ nullable: true, type: String }) updatedByName: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class UpdateMessageTemplateDto {
  @ApiPropertyOptional() @IsOptional() @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(120) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() categoryId?: number;
  @ApiPropertyOptional() @IsOptional() @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(255) subject?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(MAX_BODY_LENGTH) bodyText?: string;
}

export class MessageTemplateFilterDto {
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @IsString({ each: true }) id?: string[];
}

export const MESSAGE_TEMPLATE_SORTABLE = ['key', 'name'] as const;
export type MessageTemplateSortField = (typeof MESSAGE_TEMPLATE_SORTABLE)[number];

/** What to fill the template with; subject and bodyText preview a draft instead of the saved text. */
export class PreviewMessageTemplateDto {
  @ApiProperty() @IsInt() @IsPositive() accountId: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() invoiceId?: number;
  @ApiPropertyOptional({ description: 'A card or bank payment (processor payment id)' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  paymentId?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) subject?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(MAX_BODY_LENGTH) bodyText?: string;
}

export class RenderedMessageDto {
  @ApiProperty() subject: string;
  @ApiProperty() text: string;
}

export class MergeFieldDto {
  @ApiProperty({ example: 'invoice.total' }) field: string;
  @ApiProperty({ example: '{{invoice.total}}' }) placeholder: string;
  @ApiProperty() description: string;
}
