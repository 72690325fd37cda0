import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { unlessNull } from '../../common/unless-null';
import { GB_PATTERN } from '../usage-policy';
import { MAX_ROLLOVER_MONTHS } from '../usage-settlements';

const gb = (field: string) =>
  Matches(GB_PATTERN, { message: `${field} must be a number of GB with at most nine decimals, like "250" or "0.5"` });
export const AT_CAP = ['overage', 'slow'] as const;

export class FreeWindowDto {
  @ApiProperty({ minimum: 0, maximum: 23, description: 'Whole hour of the instance’s time zone the window starts at' })
  @IsInt()
  @Min(0)
  @Max(23)
  startHour: number;
  @ApiProperty({ minimum: 1, maximum: 24, description: 'Hour it ends at; not after the start means it runs past midnight' })
  @IsInt()
  @Min(1)
  @Max(24)
  endHour: number;
}

export class CreateUsagePolicyDto {
  @ApiProperty({ example: 'Residential 500 GB', maxLength: 120 })
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(120)
  name: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '500', description: 'Decimal GB (1 TB = 1000 GB); null for no cap' })
  @unlessNull
  @IsString()
  @gb('capGb')
  capGb?: string | null;
  @ApiPropertyOptional({ enum: AT_CAP, default: 'overage', description: 'Charge overage at the period’s end, or slow the account down' })
  @IsOptional()
  @IsIn(AT_CAP)
  atCap?: (typeof AT_CAP)[number];
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'One-time service charged per started block of overage' })
  @unlessNull
  @IsInt()
  @Min(1)
  overageServiceId?: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '50' }) @unlessNull @IsString() @gb('overageBlockGb') overageBlockGb?:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) @unlessNull @IsInt() @Min(1) @Max(100_000_000) slowDownloadKbps?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) @unlessNull @IsInt() @Min(1) @Max(100_000_000) slowUploadKbps?: number | null;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() topOffsAllowed?: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, example: '100' }) @unlessNull @IsString() @gb('topOffGb') topOffGb?: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'One-time service charged per top-off' })
  @unlessNull
  @IsInt()
  @Min(1)
  topOffServiceId?: number | null;
  @ApiPropertyOptional({ default: false, description: 'Unused cap carries into the next periods' })
  @IsOptional()
  @IsBoolean()
  rollover?: boolean;
  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 1, maximum: MAX_ROLLOVER_MONTHS })
  @unlessNull
  @IsInt()
  @Min(1)
  @Max(MAX_ROLLOVER_MONTHS)
  rolloverExpiryMonths?: number | null;
  @ApiPropertyOptional({ type: [FreeWindowDto], description: 'Hours whose usage is recorded as free' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(24)
  @ValidateNested({ each: true })
  @Type(() => FreeWindowDto)
  freeWindows?: FreeWindowDto[];
}

/** Any field of a policy; what is left out stays as it is. */
export class UpdateUsagePolicyDto extends PartialType(CreateUsagePolicyDto) {}

export class UsagePolicyFilterDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsArray() @IsInt({ each: true }) id?: number[];
}

export const USAGE_POLICY_SORTABLE = ['id', 'name'] as const;
export type UsagePolicySortField = (typeof USAGE_POLICY_SORTABLE)[number];

export class UsagePolicyResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) capGb: string | null;
  @ApiProperty({ enum: AT_CAP }) atCap: string;
  @ApiProperty({ nullable: true, type: Number }) overageServiceId: number | null;
  @ApiProperty({ nullable: true, type: String }) overageBlockGb: string | null;
  @ApiProperty({ nullable: true, type: Number }) slowDownloadKbps: number | null;
  @ApiProperty({ nullable: true, type: Number }) slowUploadKbps: number | null;
  @ApiProperty() topOffsAllowed: boolean;
  @ApiProperty({ nullable: true, type: String }) topOffGb: string | null;
  @ApiProperty({ nullable: true, type: Number }) topOffServiceId: number | null;
  @ApiProperty() rollover: boolean;
  @ApiProperty({ nullable: true, type: Number }) rolloverExpiryMonths: number | null;
  @ApiProperty({ type: [FreeWindowDto] }) freeWindows: FreeWindowDto[];
  @ApiProperty({ description: 'Data services using the policy' }) services: number;
}
