import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsInt, IsOptional, IsPositive, IsString, Matches, MaxLength } from 'class-validator';

/** No path separators or control characters, not blank, and not "." or "..". */
export const SAFE_FILE_NAME = /^(?!\.{1,2}$)(?=.*\S)[^/\\\p{Cc}]+$/u;
export const FILE_NAME_MAX_LENGTH = 255;

export class RenameAccountFileDto {
  @ApiProperty({ example: 'signed-contract.pdf', maxLength: FILE_NAME_MAX_LENGTH })
  @IsString()
  @MaxLength(FILE_NAME_MAX_LENGTH)
  @Matches(SAFE_FILE_NAME, { message: 'name must not be blank or contain / \\ or control characters' })
  name: string;
}

export class UploadAccountFileDto {
  @ApiProperty({ example: 42 }) accountId: number;
  @ApiProperty({ type: 'string', format: 'binary' }) file: unknown;
}

export class AccountFileFilterDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() accountId?: number;
  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export const ACCOUNT_FILE_SORTABLE = ['createdAt', 'name'] as const;
export type AccountFileSortField = (typeof ACCOUNT_FILE_SORTABLE)[number];

export class AccountFileResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() accountId: number;
  @ApiProperty() name: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ example: 'application/pdf' }) mimeType: string;
  @ApiProperty() hasThumbnail: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'null for a file that arrived by mail' }) uploadedByUserId: number | null;
  @ApiProperty() uploadedByName: string;
  @ApiProperty() createdAt: Date;
}
