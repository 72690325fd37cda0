import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsInt, IsOptional, IsPositive, IsString, Matches, MaxLength } from 'class-validator';

/** TEXT holds 65,535 bytes; 10,000 characters fit even when every one takes four bytes. */
export const NOTE_BODY_MAX_LENGTH = 10_000;

export class UpdateAccountNoteDto {
  @ApiProperty({ example: 'Called about the outage; promised a credit.', maxLength: NOTE_BODY_MAX_LENGTH })
  @IsString()
  @Matches(/\S/, { message: 'body must not be blank' })
  @MaxLength(NOTE_BODY_MAX_LENGTH)
  body: string;
}

export class CreateAccountNoteDto extends UpdateAccountNoteDto {
  @ApiProperty({ example: 42 }) @IsInt() @IsPositive() accountId: number;
}

export class AccountNoteFilterDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() accountId?: number;
  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export const ACCOUNT_NOTE_SORTABLE = ['createdAt'] as const;
export type AccountNoteSortField = (typeof ACCOUNT_NOTE_SORTABLE)[number];

export class AccountNoteResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() accountId: number;
  @ApiProperty() authorUserId: number;
  @ApiProperty() authorName: string;
  @ApiProperty() body: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}
