import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { GB_PATTERN } from '../usage-policy';
import { UsagePolicyResponseDto } from './usage-policy.dto';

/** Octets as decimal strings: a month of a busy line passes 2^53. */
export class UsageOctetsDto {
  @ApiProperty({ example: '1250000000', description: 'Octets the subscriber sent' }) upload: string;
  @ApiProperty({ example: '48000000000', description: 'Octets the subscriber received' }) download: string;
  @ApiProperty({ example: '49250000000' }) total: string;
}

export class UsageSettlementDto {
  @ApiProperty({ type: String, format: 'date', description: 'The bill run date that charged the period' }) billingDate: string;
  @ApiProperty() overageBlocks: number;
  @ApiProperty({ description: 'The overage charge before taxes, in minor units' }) overageAmount: number;
  @ApiProperty({ nullable: true, type: Number }) transactionId: number | null;
  @ApiProperty({ description: 'Unused cap it passed on to later periods' }) rolloverEarnedOctets: string;
}

export class UsagePeriodDto {
  @ApiProperty({ format: 'date-time', description: 'Midnight UTC of the account’s billing day' }) start: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive: the next period’s start' }) end: string;
  @ApiProperty({ description: 'The period holding now' }) current: boolean;
  @ApiProperty({ type: UsageOctetsDto, description: 'Everything used, billable and free' }) usage: UsageOctetsDto;
  @ApiProperty({ type: UsageOctetsDto, description: 'What counts toward the cap and charges, hand corrections included' })
  billable: UsageOctetsDto;
  @ApiProperty({ type: UsageOctetsDto, description: 'What free hours covered, hand corrections included' }) free: UsageOctetsDto;
  @ApiProperty({ nullable: true, type: String, description: 'The plan’s cap, null without one' }) capOctets: string | null;
  @ApiProperty() topOffOctets: string;
  @ApiProperty({ description: 'Rollover from earlier periods the period could draw on' }) rolloverOctets: string;
  @ApiProperty({ nullable: true, type: String, description: 'Cap, rollover and top-offs together' }) allowanceOctets: string | null;
  @ApiProperty({ description: 'Billable usage beyond the allowance' }) overageOctets: string;
  @ApiProperty({ type: UsageSettlementDto, nullable: true, description: 'How a closed period was charged; null until a bill run does' })
  settlement: UsageSettlementDto | null;
}

export class EditUsagePeriodDto {
  @ApiProperty({ example: '120.5', description: 'Billable octets sent, in decimal GB' })
  @IsString()
  @Matches(GB_PATTERN, { message: 'billableUploadGb must be a number of GB with at most nine decimals' })
  billableUploadGb: string;
  @ApiProperty({ example: '380' })
  @IsString()
  @Matches(GB_PATTERN, { message: 'billableDownloadGb must be a number of GB with at most nine decimals' })
  billableDownloadGb: string;
  @ApiProperty({ example: '3' })
  @IsString()
  @Matches(GB_PATTERN, { message: 'freeUploadGb must be a number of GB with at most nine decimals' })
  freeUploadGb: string;
  @ApiProperty({ example: '12' })
  @IsString()
  @Matches(GB_PATTERN, { message: 'freeDownloadGb must be a number of GB with at most nine decimals' })
  freeDownloadGb: string;
  @ApiProperty({ maxLength: 255, description: 'Why the figures change, kept with the correction' })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(255)
  reason: string;
}

export class AccountDataServiceDto {
  @ApiProperty() accountServiceId: number;
  @ApiProperty() serviceId: number;
  @ApiProperty() name: string;
  @ApiProperty() downloadKbps: number;
  @ApiProperty() uploadKbps: number;
}

export class TopOffOfferDto {
  @ApiProperty({ description: 'The policy allows a top-off now' }) allowed: boolean;
  @ApiProperty() octets: string;
  @ApiProperty() serviceId: number;
  @ApiProperty() serviceName: string;
  @ApiProperty({ description: 'Before taxes, in minor units' }) price: number;
}

export class DataUsageDto {
  @ApiProperty({ type: AccountDataServiceDto, nullable: true }) dataService: AccountDataServiceDto | null;
  @ApiProperty({ type: UsagePolicyResponseDto, nullable: true }) policy: UsagePolicyResponseDto | null;
  @ApiProperty({ type: UsagePeriodDto }) current: UsagePeriodDto;
  @ApiProperty({ type: TopOffOfferDto, nullable: true, description: 'Null when the policy has no top-offs' }) topOff: TopOffOfferDto | null;
}

export class TopOffResultDto {
  @ApiProperty() topOffId: number;
  @ApiProperty() transactionId: number;
  @ApiProperty() octets: string;
  @ApiProperty({ description: 'Charged before taxes, in minor units' }) amount: number;
}

export class UsagePeriodsQueryDto {
  @ApiPropertyOptional({ default: 12, minimum: 1, maximum: 36, description: 'How many periods back from the current one' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(36)
  periods?: number;
}

export class UsageHourDto {
  @ApiProperty({ format: 'date-time' }) hour: string;
  @ApiProperty() upload: string;
  @ApiProperty() download: string;
}

export class UsageHoursQueryDto {
  @ApiProperty({ format: 'date-time', description: 'From this instant (inclusive)' }) @Type(() => Date) @IsDate() from: Date;
  @ApiProperty({ format: 'date-time', description: 'To this instant (exclusive); at most 93 days after from' })
  @Type(() => Date)
  @IsDate()
  to: Date;
}
