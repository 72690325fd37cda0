import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsPositive, IsString, Matches, MaxLength, Validate, ValidatorConstraint } from 'class-validator';
import type { ValidatorConstraintInterface } from 'class-validator';
import { EMAIL_ATTACHMENT_KINDS, type EmailAttachmentKind } from '../email-attachments';
import { EMAIL_ADDRESS_MAX_LENGTH, isEmailAddress } from '../email-address';
import { EMAIL_STATUSES, type EmailStatus } from '../email-status';

/** Plain text a clerk types; MEDIUMTEXT holds far more, this keeps one email readable and quick to send. */
export const EMAIL_TEXT_MAX_LENGTH = 100_000;

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@ValidatorConstraint({ name: 'emailAddress' })
class EmailAddressRule implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isEmailAddress(value);
  }
  defaultMessage(): string {
    return 'to must be one email address, such as jane@example.com';
  }
}

export class ComposeEmailDto {
  @ApiPropertyOptional({ description: "A contact of the account; the email goes to the contact's address. Send this or to, not both" })
  @IsOptional()
  @IsInt()
  @IsPositive()
  contactId?: number;
  @ApiPropertyOptional({ description: 'One address. Send this or contactId, not both', maxLength: EMAIL_ADDRESS_MAX_LENGTH })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(EMAIL_ADDRESS_MAX_LENGTH)
  @Validate(EmailAddressRule)
  to?: string;
  @ApiProperty({ example: 'Your service visit on Tuesday', maxLength: 255 })
  @IsString()
  @Matches(/\S/, { message: 'subject must not be blank' })
  @Matches(/^[^\r\n]*$/, { message: 'subject must be one line' })
  @MaxLength(255)
  subject: string;
  @ApiProperty({ example: 'Hello,\n\nour technician will arrive between 9 and 11.', maxLength: EMAIL_TEXT_MAX_LENGTH })
  @IsString()
  @Matches(/\S/, { message: 'text must not be blank' })
  @MaxLength(EMAIL_TEXT_MAX_LENGTH)
  text: string;
}

export class EmailFilterDto {
  @ApiPropertyOptional({ enum: EMAIL_STATUSES }) @IsOptional() @IsIn(EMAIL_STATUSES) status?: EmailStatus;
  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export const EMAIL_SORTABLE = ['createdAt', 'id'] as const;
export type EmailSortField = (typeof EMAIL_SORTABLE)[number];

export class EmailRelatedDto {
  @ApiProperty({ example: 'invoice' }) type: string;
  @ApiProperty() id: number;
}

export class EmailAttachmentDto {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'invoice-INV-1042.pdf' }) filename: string;
  @ApiProperty({ enum: EMAIL_ATTACHMENT_KINDS }) kind: EmailAttachmentKind;
  @ApiProperty({ description: 'The invoice (invoice and statement PDFs) or transaction (receipt PDF) it is rendered from' })
  sourceId: number;
}

export class EmailResponseDto {
  @ApiProperty() id: number;
  @ApiProperty({ nullable: true, type: Number }) accountId: number | null;
  @ApiProperty({ nullable: true, type: Number }) contactId: number | null;
  @ApiProperty() to: string;
  @ApiProperty() subject: string;
  @ApiProperty({ enum: EMAIL_STATUSES }) status: EmailStatus;
  @ApiProperty({ nullable: true, type: String, description: "The relay's refusal, or why the email was given up" })
  rejectReason: string | null;
  @ApiProperty({ description: 'Tries that reached the relay or failed to' }) attempts: number;
  @ApiProperty({ nullable: true, type: String, description: 'Why the latest try failed' }) lastError: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) sentAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Number }) categoryId: number | null;
  @ApiProperty({ nullable: true, type: String }) categoryName: string | null;
  @ApiProperty({ nullable: true, type: String }) templateKey: string | null;
  @ApiProperty({ nullable: true, type: EmailRelatedDto }) related: EmailRelatedDto | null;
  @ApiProperty({ type: [EmailAttachmentDto] }) attachments: EmailAttachmentDto[];
}

export class EmailDetailDto extends EmailResponseDto {
  @ApiProperty() text: string;
  @ApiProperty({ nullable: true, type: String }) html: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The relay's acceptance line" }) serverReply: string | null;
  @ApiProperty({ description: 'The Message-ID header every try carries' }) messageId: string;
}
