import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsPositive, IsString, Matches, MaxLength } from 'class-validator';
import { SignContractDto } from './contract.dto';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class SendForSignatureDto {
  @ApiProperty({ description: "One of the account's contacts, with an email address" }) @IsInt() @IsPositive() contactId: number;
}

/** The link's token travels in the body, never in a URL, so no access log or proxy ever records it. */
export class SigningTokenDto {
  @ApiProperty({ description: 'The token from the signing link' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'token is not a signing link token' })
  token: string;
}

export class PublicSignDto extends SignContractDto {
  @ApiProperty({ description: 'The token from the signing link' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'token is not a signing link token' })
  token: string;
}

export class PublicDeclineDto {
  @ApiProperty({ description: 'The token from the signing link' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'token is not a signing link token' })
  token: string;
  @ApiPropertyOptional({ maxLength: 1000, description: 'Why the signer declines, for the staff' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

/** What the public signing page shows: that one document and nothing else of the account. */
export class PublicContractDto {
  @ApiProperty({ enum: ['open', 'signed'] }) state: 'open' | 'signed';
  @ApiProperty() companyName: string;
  @ApiProperty() contractName: string;
  @ApiProperty({ nullable: true, type: String, description: 'The document (open requests only)' }) html: string | null;
  @ApiProperty({ nullable: true, type: Date }) expiresAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) signedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) signedBy: string | null;
}
