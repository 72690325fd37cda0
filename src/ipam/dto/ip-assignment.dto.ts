import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsPositive,
  IsString,
  MaxLength,
  Validate,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { unlessNull } from '../../common/unless-null';
import { normalizeMac } from '../../common/mac-address';

export const ASSIGNEE_KINDS = ['account', 'radius_account', 'inventory_mac', 'uninventoried_mac'] as const;
export type AssigneeKind = (typeof ASSIGNEE_KINDS)[number];

/** Who an assignment is for, and the id of that assignee when it is not the account itself. */
export class AssigneeDto {
  @ApiProperty({
    enum: ASSIGNEE_KINDS,
    description:
      'account: kept on the address lists only; radius_account: written as a reply attribute on the RADIUS server; ' +
      'inventory_mac / uninventoried_mac: a DHCP reservation on the servers of the subnet',
  })
  @IsIn(ASSIGNEE_KINDS)
  assignee: AssigneeKind;

  @ApiPropertyOptional({ description: 'With assignee radius_account: one of the account’s RADIUS accounts' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  radiusAccountId?: number;

  @ApiPropertyOptional({ description: 'With assignee inventory_mac: a MAC address of an item deployed at the account' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  inventoryMacId?: number;

  @ApiPropertyOptional({ description: 'With assignee uninventoried_mac: one of the account’s uninventoried MAC addresses' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  uninventoriedMacId?: number;
}

export class CreateIpAssignmentDto extends AssigneeDto {
  @ApiPropertyOptional({ description: 'Take the lowest free address of this pool (unless address is given, which must then lie in it)' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  poolId?: number;

  @ApiPropertyOptional({ description: 'The subnet of the address, or the subnet assigned whole; found from the address when left out' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  subnetId?: number;

  @ApiPropertyOptional({
    example: '100.64.8.23',
    description: 'A particular address; one held for you by next-free-address is yours to take',
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  address?: string;

  @ApiPropertyOptional({ description: 'Assign the whole subnet (subnetId), routed to the subscriber', default: false })
  @IsOptional()
  @IsBoolean()
  wholeSubnet?: boolean;

  @ApiPropertyOptional({ description: 'Kept for the account without being provisioned anywhere', default: false })
  @IsOptional()
  @IsBoolean()
  soft?: boolean;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200 })
  @unlessNull
  @IsString()
  @MaxLength(200)
  description?: string | null;
}

/** Change who holds the address (a move, kept in the history as a new assignment), whether it is soft, or its description. */
export class UpdateIpAssignmentDto {
  @ApiPropertyOptional({ enum: ASSIGNEE_KINDS }) @IsOptional() @IsIn(ASSIGNEE_KINDS) assignee?: AssigneeKind;
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() radiusAccountId?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() inventoryMacId?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() uninventoriedMacId?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() soft?: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200 }) @unlessNull @IsString() @MaxLength(200) description?:
    string | null;
}

export class MoveIpAssignmentsDto {
  @ApiProperty({ description: 'The account that takes over every active assignment, as assignments to the account itself' })
  @IsInt()
  @IsPositive()
  toAccountId: number;
}

@ValidatorConstraint({ name: 'macAddress' })
class MacAddressRule implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && normalizeMac(value) !== null;
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be a MAC address like 00:1a:2b:3c:4d:5e (got "${String(args.value)}")`;
  }
}

/** The one stored form when the text is a MAC address; anything else is left for MacAddressRule to refuse. */
const storedMac = ({ value }: { value: unknown }) => (typeof value === 'string' ? (normalizeMac(value) ?? value) : value);

export class IpAssignmentFilterDto {
  @ApiPropertyOptional({ description: 'true: active assignments (the default view); false: removed ones; left out: the whole history' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: ASSIGNEE_KINDS }) @IsOptional() @IsIn(ASSIGNEE_KINDS) assignee?: AssigneeKind;
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() radiusAccountId?: number;
  @ApiPropertyOptional({
    example: '00:1a:2b:3c:4d:5e',
    description:
      "Held by this MAC address (an item's or an uninventoried one), written in any common form: 00-1A-2B-3C-4D-5E, 001a.2b3c.4d5e…",
  })
  @IsOptional()
  @Transform(storedMac)
  @Validate(MacAddressRule)
  mac?: string;
  @ApiPropertyOptional({ description: 'Part of the address' }) @IsOptional() @IsString() @MaxLength(50) q?: string;
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsArray() @IsInt({ each: true }) id?: number[];
}

export const IP_ASSIGNMENT_SORTABLE = ['assignedAt', 'removedAt', 'address', 'id'] as const;
export type IpAssignmentSortField = (typeof IP_ASSIGNMENT_SORTABLE)[number];

export class IpAssignmentResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() accountId: number;
  @ApiProperty() subnetId: number;
  @ApiProperty() subnetNetwork: string;
  @ApiProperty({ nullable: true, type: Number }) poolId: number | null;
  @ApiProperty({ nullable: true, type: String }) poolName: string | null;
  @ApiProperty({ enum: [4, 6] }) family: 4 | 6;
  @ApiProperty({ example: '100.64.8.23', description: 'The address, or the subnet in CIDR form when covers is subnet' }) address: string;
  @ApiProperty({ enum: ['address', 'subnet'] }) covers: 'address' | 'subnet';
  @ApiProperty({ enum: ASSIGNEE_KINDS }) assignee: AssigneeKind;
  @ApiProperty({ nullable: true, type: Number }) radiusAccountId: number | null;
  @ApiProperty({ nullable: true, type: Number }) inventoryMacId: number | null;
  @ApiProperty({ nullable: true, type: Number }) uninventoriedMacId: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'The MAC address holding it, for MAC assignees' }) mac: string | null;
  @ApiProperty({ example: 'jsmith', description: 'Who holds it, in words: the account, a RADIUS username, a MAC address' })
  assigneeLabel: string;
  @ApiProperty() soft: boolean;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) assignedAt: string;
  @ApiProperty({ nullable: true, type: String }) assignedByName: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) removedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) removedByName: string | null;
  @ApiProperty() active: boolean;
}

export class CreateUninventoriedMacDto {
  @ApiProperty({ example: '00:1a:2b:3c:4d:5e' }) @IsString() @MaxLength(20) mac: string;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200 }) @unlessNull @IsString() @MaxLength(200) description?:
    string | null;
  @ApiPropertyOptional({ description: 'Assign the next free address of this pool to it at once' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  poolId?: number;
  @ApiPropertyOptional({ description: 'Or assign this address to it at once' }) @IsOptional() @IsString() @MaxLength(50) address?: string;
}

export class UninventoriedMacResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() accountId: number;
  @ApiProperty() mac: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ type: [String] }) ipAddresses: string[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) removedAt: string | null;
}
