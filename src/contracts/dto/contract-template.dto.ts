import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsBoolean, IsInt, IsOptional, IsPositive, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { unlessNull } from '../../common/unless-null';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Lets a PUT send null to clear an optional value, while undefined leaves it alone. */

/** A service agreement runs to pages, not to a book. */
export const MAX_CONTRACT_BODY_LENGTH = 200_000;

export class ContractTemplateResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Sanitised HTML with merge fields such as {{account.name}}' }) bodyHtml: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Sets the expiry from the signing date; null for no expiry' })
  termMonths: number | null;
  @ApiProperty({ description: 'A disabled template is not offered for new contracts' }) enabled: boolean;
  @ApiProperty({ nullable: true, type: Number }) messageCategoryId: number | null;
  @ApiProperty({ description: 'How many contracts were written from it; a used template can be disabled, not deleted' })
  contractCount: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class CreateContractTemplateDto {
  @ApiProperty({ maxLength: 150 })
  @Transform(trimmed)
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(150)
  name: string;
  @ApiProperty({
    maxLength: MAX_CONTRACT_BODY_LENGTH,
    description: 'HTML; scripts, event handlers, styles and remote resources are removed',
  })
  @IsString()
  @Matches(/\S/, { message: 'bodyHtml must not be blank' })
  @MaxLength(MAX_CONTRACT_BODY_LENGTH)
  bodyHtml: string;
  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 1, maximum: 600 })
  @unlessNull
  @IsInt()
  @Min(1)
  @Max(600)
  termMonths?: number | null;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'The message category of the signing emails' })
  @unlessNull
  @IsInt()
  @IsPositive()
  messageCategoryId?: number | null;
}

export class UpdateContractTemplateDto {
  @ApiPropertyOptional({ maxLength: 150 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(150)
  name?: string;
  @ApiPropertyOptional({ maxLength: MAX_CONTRACT_BODY_LENGTH })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'bodyHtml must not be blank' })
  @MaxLength(MAX_CONTRACT_BODY_LENGTH)
  bodyHtml?: string;
  @ApiPropertyOptional({ nullable: true, type: Number })
  @unlessNull
  @IsInt()
  @Min(1)
  @Max(600)
  termMonths?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional({ nullable: true, type: Number })
  @unlessNull
  @IsInt()
  @IsPositive()
  messageCategoryId?: number | null;
}

export class ContractTemplateFilterDto {
  @ApiPropertyOptional({ description: 'Only enabled templates (what "Add contract" offers)' }) @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional({ description: 'Name contains' }) @IsOptional() @IsString() @MaxLength(150) q?: string;
  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export const CONTRACT_TEMPLATE_SORTABLE = ['name', 'createdAt', 'updatedAt'] as const;
export type ContractTemplateSortField = (typeof CONTRACT_TEMPLATE_SORTABLE)[number];

/** A template (saved, or a draft body) rendered for one account, as a contract written now would read. */
export class PreviewContractTemplateDto {
  @ApiProperty() @IsInt() @IsPositive() accountId: number;
  @ApiPropertyOptional({ description: 'A draft body to preview instead of the saved one' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CONTRACT_BODY_LENGTH)
  bodyHtml?: string;
}

export class ContractPreviewDto {
  @ApiProperty({ description: 'The document as a contract would hold it: sanitised HTML, merge fields filled in' }) html: string;
}

export class ContractMergeFieldDto {
  @ApiProperty({ example: 'account.name' }) field: string;
  @ApiProperty({ example: '{{account.name}}' }) placeholder: string;
  @ApiProperty() description: string;
}
