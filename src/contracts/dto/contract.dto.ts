import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Equals, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsPositive, IsString, Matches, MaxLength } from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const CONTRACT_STATES = ['draft', 'sent', 'viewed', 'signed', 'declined', 'expired', 'cancelled'] as const;
export type ContractState = (typeof CONTRACT_STATES)[number];
export const SIGNING_METHODS = ['in_person', 'link'] as const;
export const SIGNING_REQUEST_STATES = ['open', 'signed', 'declined', 'expired', 'cancelled'] as const;
export type SigningRequestState = (typeof SIGNING_REQUEST_STATES)[number];

/** A drawn signature as the signature pad hands it over: a PNG data URL. Half a megabyte of PNG at most, so the request stays within the 1 MB body limit. */
export const SIGNATURE_DATA_URL_MAX = 700_000;

export class SigningRequestDto {
  @ApiProperty() id: number;
  @ApiProperty({ nullable: true, type: Number }) contactId: number | null;
  @ApiProperty() email: string;
  @ApiProperty({ enum: SIGNING_REQUEST_STATES }) state: SigningRequestState;
  @ApiProperty() sentAt: Date;
  @ApiProperty() expiresAt: Date;
  @ApiProperty({ description: 'Emails sent for it: the request, re-sends and reminders' }) emailsSent: number;
  @ApiProperty() remindersSent: number;
  @ApiProperty({ nullable: true, type: Date }) closedAt: Date | null;
  @ApiProperty({ description: 'The Temporal workflow that runs it' }) workflowId: string;
}

export class ContractResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() accountId: number;
  @ApiProperty() templateId: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CONTRACT_STATES }) state: ContractState;
  @ApiProperty({ nullable: true, type: Number }) termMonths: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Who signed, or null while unsigned' }) signedBy: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) sentAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) viewedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) signedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'The end of the term, from the signing date' })
  expiresOn: string | null;
  @ApiProperty({ nullable: true, enum: SIGNING_METHODS }) signingMethod: 'in_person' | 'link' | null;
  @ApiProperty({ nullable: true, type: Date }) declinedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) declineReason: string | null;
  @ApiProperty({ description: 'SHA-256 of the document as written, the one the signer sees' }) documentSha256: string;
  @ApiProperty({ nullable: true, type: String, description: 'SHA-256 of the signed PDF' }) signedPdfSha256: string | null;
  @ApiProperty({ nullable: true, type: SigningRequestDto, description: 'The signing request waiting for the signer, if any' })
  openRequest: SigningRequestDto | null;
}

export class ContractDetailDto extends ContractResponseDto {
  @ApiProperty({ description: 'The document as written: sanitised HTML' }) bodyHtml: string;
  @ApiProperty({ nullable: true, type: String }) signerEmail: string | null;
  @ApiProperty({ nullable: true, type: String }) signerAddress: string | null;
  @ApiProperty({ nullable: true, type: String }) signerUserAgent: string | null;
  @ApiProperty({ type: [SigningRequestDto] }) requests: SigningRequestDto[];
}

export class CreateContractDto {
  @ApiProperty() @IsInt() @IsPositive() accountId: number;
  @ApiProperty({ description: 'An enabled template' }) @IsInt() @IsPositive() templateId: number;
}

/** Re-renders an unsigned contract: from its template as it reads now, or from another one. */
export class UpdateContractDto {
  @ApiPropertyOptional({ description: 'Tasks stay with their account; only the current id is accepted' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  accountId?: number;
  @ApiPropertyOptional({ description: 'Another enabled template; left out, the same one' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  templateId?: number;
}

export class ContractFilterDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() accountId?: number;
  @ApiPropertyOptional({ enum: CONTRACT_STATES }) @IsOptional() @IsIn(CONTRACT_STATES) state?: ContractState;
  @ApiPropertyOptional({ description: 'Signed (true) or not (false)' }) @IsOptional() @IsBoolean() signed?: boolean;
  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export const CONTRACT_SORTABLE = ['createdAt', 'signedAt', 'expiresOn', 'name'] as const;
export type ContractSortField = (typeof CONTRACT_SORTABLE)[number];

/** What a signer gives, in person or on the public page. */
export class SignContractDto {
  @ApiProperty({ maxLength: 150, description: "The signer's name, typed" })
  @Transform(trimmed)
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(150)
  name: string;
  @ApiProperty({ description: 'The drawn signature: a data:image/png;base64 URL' })
  @IsString()
  @MaxLength(SIGNATURE_DATA_URL_MAX)
  @Matches(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, { message: 'signature must be a data:image/png;base64 URL' })
  signature: string;
  @ApiProperty({ description: 'The signer agrees to sign electronically; must be true' })
  @Equals(true, { message: 'consent must be true: the signer agrees to sign electronically' })
  consent: boolean;
}

export class SignInPersonDto extends SignContractDto {
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 254, description: "The signer's email, for the certificate" })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string | null;
}

export class ContractVerificationDto {
  @ApiProperty({ description: 'The file carries a signature, made with this instance\u2019s certificate' }) signedByUs: boolean;
  @ApiProperty({ description: 'Every byte is as signed' }) intact: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'The contract the file is, when it can be told' }) contractId: number | null;
  @ApiProperty({ nullable: true, type: Number }) accountId: number | null;
  @ApiProperty({ nullable: true, type: String }) signedBy: string | null;
  @ApiProperty({ nullable: true, type: Date }) signedAt: Date | null;
  @ApiProperty({ description: 'The file is the very one kept for that contract' }) matchesKeptCopy: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'What is wrong, in words' }) problem: string | null;
}
