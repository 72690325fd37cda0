import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';

export const PAYMENT_METHOD_TYPES = ['card', 'bank'] as const;
export const BANK_ACCOUNT_TYPES = ['checking', 'savings'] as const;

/** Left out is fine; sent, it must hold a value (null is refused). */
const Omittable = () => ValidateIf((_: object, value: unknown) => value !== undefined);

export class PaymentMethodDto {
  @ApiProperty() id: number;
  @ApiProperty() accountId: number;
  @ApiProperty({ enum: PAYMENT_METHOD_TYPES }) type: 'card' | 'bank';
  @ApiProperty({ nullable: true, type: String, description: 'Card brand (visa, mastercard…) or the name of the bank' }) brand:
    string | null;
  @ApiProperty({ example: '4242' }) last4: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Cards only' }) expMonth: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Cards only' }) expYear: number | null;
  @ApiProperty({ nullable: true, type: String }) holderName: string | null;
  @ApiProperty({ nullable: true, enum: BANK_ACCOUNT_TYPES, description: 'Bank accounts only' }) accountType: 'checking' | 'savings' | null;
  @ApiProperty({ description: 'Charged by autopay; at most one method per account' }) autopay: boolean;
  @ApiProperty({ description: "Stripe's id of the method; the card or account number itself is never stored" })
  stripePaymentMethodId: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({ nullable: true, type: Date, description: 'When it was deleted (detached at Stripe)' }) detachedAt: Date | null;
}

export class SetupIntentRequestDto {
  @ApiPropertyOptional({ enum: PAYMENT_METHOD_TYPES, default: 'card' }) @IsOptional() @IsIn(PAYMENT_METHOD_TYPES) type?: 'card' | 'bank';
}

export class SetupIntentDto {
  @ApiProperty() setupIntentId: string;
  @ApiProperty({ description: "For Stripe's elements in the browser only; never store or log it" }) clientSecret: string;
  @ApiProperty({ enum: PAYMENT_METHOD_TYPES }) type: 'card' | 'bank';
}

export class AddPaymentMethodDto {
  @ApiProperty({ example: 'pm_card_visa', description: 'A Stripe PaymentMethod id, from the elements or a test token' })
  @IsString()
  @Matches(/^pm_[A-Za-z0-9_]{1,200}$/, { message: 'paymentMethodId must be a Stripe payment method id such as pm_card_visa' })
  paymentMethodId: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() autopay?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) holderName?: string;
}

/** Only what Stripe lets change on a saved method, plus autopay; anything else is delete and add again. */
export class UpdatePaymentMethodDto {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Blank or null clears it' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  holderName?: string | null;
  @ApiPropertyOptional({ description: 'Cards only' }) @Omittable() @IsInt() @Min(1) @Max(12) expMonth?: number;
  @ApiPropertyOptional({ description: 'Cards only' }) @Omittable() @IsInt() @Min(2000) @Max(2100) expYear?: number;
  @ApiPropertyOptional({ enum: BANK_ACCOUNT_TYPES, description: 'Bank accounts only' })
  @Omittable()
  @IsIn(BANK_ACCOUNT_TYPES)
  accountType?: 'checking' | 'savings';
  @ApiPropertyOptional() @Omittable() @IsBoolean() autopay?: boolean;
}
