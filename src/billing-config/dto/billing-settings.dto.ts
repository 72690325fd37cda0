import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsPositive,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import {
  BILL_MODES,
  BILL_TIMINGS,
  BILLING_MODES,
  BILLING_SETTING_KEYS,
  BillingMode,
  BillMode,
  BillTiming,
  DAYS_COUNTED_FROM,
  DaysCountedFrom,
  LATE_FEE_KINDS,
  LateFeeKind,
  MAX_DAYS,
  MAX_INVOICE_MESSAGE,
  MAX_MONEY,
  MAX_RATE_E4,
  PRORATION_ROUNDINGS,
  ProrationRounding,
  SETTING_DOCS,
  SETTING_SOURCES,
} from '../billing-settings';

/** A whole number; the rule is named `integer` so a fraction of a cent is reported as such. */
function IsMinorUnits() {
  return applyDecorators(
    ValidateBy({
      name: 'integer',
      validator: {
        validate: (value: unknown) => Number.isSafeInteger(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a whole number of minor units (cents), without fractions`,
      },
    }),
    Min(0, { message: ({ property }) => `${property} cannot be negative` }),
    Max(MAX_MONEY),
  );
}

const IsDayOfMonth = () => applyDecorators(IsInt(), Min(1), Max(28, { message: ({ property }) => `${property} must be from 1 to 28` }));
const IsDayCount = () =>
  applyDecorators(IsInt(), Min(0), Max(MAX_DAYS, { message: ({ property }) => `${property} must be from 0 to ${MAX_DAYS}` }));
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * A change to billing settings: only the fields sent change. On an account type or
 * an account, null removes the override so the value is inherited again; on the
 * system settings only the late fee service, the delinquent status and the invoice
 * message may be null (meaning none). `@IsOptional` lets null through to the service,
 * which knows the level being changed.
 */
export class UpdateBillingSettingsDto {
  @IsOptional() @IsIn(BILLING_MODES) billingMode?: BillingMode | null;
  @IsOptional() @IsDayOfMonth() billDay?: number | null;
  @IsOptional() @IsDayOfMonth() invoiceDay?: number | null;
  @IsOptional() @IsIn(BILL_TIMINGS) billTiming?: BillTiming | null;
  @IsOptional() @IsDayCount() autopayDays?: number | null;
  @IsOptional() @IsDayCount() dueDays?: number | null;
  @IsOptional() @IsDayCount() graceDays?: number | null;
  @IsOptional() @IsDayCount() statusSwitchDays?: number | null;
  @IsOptional() @IsIn(DAYS_COUNTED_FROM) daysCountedFrom?: DaysCountedFrom | null;
  @IsOptional() @IsInt() @IsPositive() lateFeeServiceId?: number | null;
  @IsOptional() @IsIn(LATE_FEE_KINDS) lateFeeKind?: LateFeeKind | null;
  @IsOptional() @IsMinorUnits() lateFeeAmount?: number | null;
  @IsOptional() @IsInt() @Min(0) @Max(MAX_RATE_E4) lateFeeRateE4?: number | null;
  @IsOptional() @IsMinorUnits() lateFeeMinimumOverdue?: number | null;
  @IsOptional() @IsInt() @IsPositive() delinquentStatusId?: number | null;
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty({ message: 'delinquencyWeekdays must name at least one weekday' })
  @ArrayMaxSize(7)
  @ArrayUnique({ message: 'delinquencyWeekdays must not repeat a weekday' })
  @IsInt({ each: true })
  @Min(1, { each: true, message: 'delinquencyWeekdays holds ISO weekdays, 1 (Monday) to 7 (Sunday)' })
  @Max(7, { each: true, message: 'delinquencyWeekdays holds ISO weekdays, 1 (Monday) to 7 (Sunday)' })
  delinquencyWeekdays?: number[] | null;
  @IsOptional() @IsBoolean() restoreStatusOnPayment?: boolean | null;
  @IsOptional() @IsBoolean() prorateServices?: boolean | null;
  @IsOptional() @IsBoolean() prorateServiceQuantity?: boolean | null;
  @IsOptional() @IsBoolean() prorateStatusChange?: boolean | null;
  @IsOptional() @IsBoolean() prorateBillDayChange?: boolean | null;
  @IsOptional() @IsIn(PRORATION_ROUNDINGS) prorationRounding?: ProrationRounding | null;
  @IsOptional() @IsIn(BILL_MODES) billMode?: BillMode | null;
  @IsOptional() @IsBoolean() printedInvoice?: boolean | null;
  @IsOptional() @IsBoolean() emailInvoices?: boolean | null;
  @IsOptional() @IsBoolean() taxExempt?: boolean | null;
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(MAX_INVOICE_MESSAGE) invoiceMessage?: string | null;
}

/** The settings in force. */
export class BillingSettingsDto {}

/** Every setting; null where the level inherits. */
export class BillingOverridesDto {}

/** Where each effective value comes from. */
export class BillingSettingSourcesDto {}

for (const key of BILLING_SETTING_KEYS) {
  ApiPropertyOptional({ ...SETTING_DOCS[key], nullable: true })(UpdateBillingSettingsDto.prototype, key);
  ApiProperty(SETTING_DOCS[key])(BillingSettingsDto.prototype, key);
  ApiProperty({ ...SETTING_DOCS[key], nullable: true, description: 'null: inherited' })(BillingOverridesDto.prototype, key);
  ApiProperty({ enum: SETTING_SOURCES, enumName: 'SettingSource' })(BillingSettingSourcesDto.prototype, key);
}

/** The system settings, with the instance currency the money settings are in. Declared after the loop so it inherits every setting. */
export class SystemBillingSettingsDto extends BillingSettingsDto {
  @ApiProperty({ example: 'USD' }) currency: string;
}

export class AccountBillingConfigDto {
  @ApiProperty({ type: BillingSettingsDto, description: 'The settings in force for the account' }) effective: BillingSettingsDto;
  @ApiProperty({ type: BillingOverridesDto, description: "The account's own values; null where it inherits" })
  overrides: BillingOverridesDto;
  @ApiProperty({ type: BillingSettingSourcesDto }) sources: BillingSettingSourcesDto;
}

export class AccountTypeBillingDefaultsDto {
  @ApiProperty() accountTypeId: number;
  @ApiProperty({ type: BillingSettingsDto, description: 'What accounts of the type get unless they set their own' })
  effective: BillingSettingsDto;
  @ApiProperty({ type: BillingOverridesDto, description: "The type's own defaults; null where it inherits the system value" })
  overrides: BillingOverridesDto;
  @ApiProperty({ type: BillingSettingSourcesDto, description: 'system or account_type for each setting' })
  sources: BillingSettingSourcesDto;
}
