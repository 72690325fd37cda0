import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsBoolean, IsInt, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateMessageCategoryDto {
  @ApiProperty({ example: 'Outage notices' }) @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(80) name: string;
  @ApiPropertyOptional({ default: false, description: 'Added to every new contact that does not pick its own categories' })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

export class UpdateMessageCategoryDto extends PartialType(CreateMessageCategoryDto) {}

export class MessageCategoryFilterDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(80) q?: string;
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsArray() @IsInt({ each: true }) id?: number[];
}

export const MESSAGE_CATEGORY_SORTABLE = ['id', 'name'] as const;
export type MessageCategorySortField = (typeof MESSAGE_CATEGORY_SORTABLE)[number];

export class MessageCategoryResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() isDefault: boolean;
}
