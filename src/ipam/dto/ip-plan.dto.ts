import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsInt, IsOptional, IsPositive, IsString, Matches, MaxLength } from 'class-validator';
import { unlessNull } from '../../common/unless-null';

/** Lets a PATCH send null to clear an optional value, while undefined leaves it alone. */
const notBlank = Matches(/\S/, { message: '$property must not be blank' });

export class IpUsageDto {
  @ApiProperty({
    example: '254',
    description: 'Addresses hosts can take (reserved ones left out), as a decimal string: an IPv6 range outgrows a JSON number',
  })
  usable: string;
  @ApiProperty({ example: '17', description: 'Addresses taken by active assignments, as a decimal string' })
  assigned: string;
  @ApiProperty({ example: 6.69, description: 'assigned ÷ usable × 100, to two decimals, for a gauge' })
  percent: number;
}

export class CreateSupernetDto {
  @ApiProperty({ example: 'Customer space', maxLength: 100 }) @IsString() @notBlank @MaxLength(100) name: string;
  @ApiProperty({ example: '100.64.0.0/10', description: 'CIDR; host bits must be zero' }) @IsString() @MaxLength(50) network: string;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 500 }) @unlessNull @IsString() @MaxLength(500) description?:
    string | null;
}

export class UpdateSupernetDto {
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @notBlank @MaxLength(100) name?: string;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 500 }) @unlessNull @IsString() @MaxLength(500) description?:
    string | null;
}

export class SupernetResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: [4, 6] }) family: 4 | 6;
  @ApiProperty({ example: '100.64.0.0/10' }) network: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty() subnetCount: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class CreateSubnetDto {
  @ApiProperty() @IsInt() @IsPositive() supernetId: number;
  @ApiProperty({ example: 'Tower 3 customers', maxLength: 100 }) @IsString() @notBlank @MaxLength(100) name: string;
  @ApiProperty({ example: '100.64.8.0/22', description: 'CIDR inside the supernet; host bits must be zero' })
  @IsString()
  @MaxLength(50)
  network: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '100.64.8.1',
    description: 'The router on the subnet: never given to a host',
  })
  @unlessNull
  @IsString()
  @MaxLength(50)
  gateway?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 500 }) @unlessNull @IsString() @MaxLength(500) description?:
    string | null;
}

export class UpdateSubnetDto {
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @notBlank @MaxLength(100) name?: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null: no gateway' }) @unlessNull @IsString() @MaxLength(50) gateway?:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 500 }) @unlessNull @IsString() @MaxLength(500) description?:
    string | null;
}

export class SubnetResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() supernetId: number;
  @ApiProperty() supernetName: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: [4, 6] }) family: 4 | 6;
  @ApiProperty({ example: '100.64.8.0/22' }) network: string;
  @ApiProperty() prefixLength: number;
  @ApiProperty({ nullable: true, type: String }) gateway: string | null;
  @ApiProperty({ type: [String], description: 'Addresses no host may take: network, broadcast, gateway' }) reserved: string[];
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ type: IpUsageDto }) usage: IpUsageDto;
  @ApiProperty({ description: 'True while the whole subnet is assigned (routed to one subscriber)' }) assignedWhole: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class CreatePoolDto {
  @ApiProperty() @IsInt() @IsPositive() subnetId: number;
  @ApiProperty({ example: 'Dynamic customers', maxLength: 100 }) @IsString() @notBlank @MaxLength(100) name: string;
  @ApiProperty({ example: '100.64.8.10' }) @IsString() @MaxLength(50) firstAddress: string;
  @ApiProperty({ example: '100.64.11.254' }) @IsString() @MaxLength(50) lastAddress: string;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 500 }) @unlessNull @IsString() @MaxLength(500) description?:
    string | null;
}

export class UpdatePoolDto {
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @notBlank @MaxLength(100) name?: string;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 500 }) @unlessNull @IsString() @MaxLength(500) description?:
    string | null;
}

export class PoolResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() subnetId: number;
  @ApiProperty() subnetNetwork: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: [4, 6] }) family: 4 | 6;
  @ApiProperty() firstAddress: string;
  @ApiProperty() lastAddress: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ type: IpUsageDto }) usage: IpUsageDto;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class NextFreeAddressResponseDto {
  @ApiProperty({ example: '100.64.8.10' }) address: string;
  @ApiProperty() poolId: number;
  @ApiProperty() subnetId: number;
  @ApiProperty({ type: String, format: 'date-time', description: 'The address is kept for you until then; nobody else is offered it' })
  heldUntil: string;
}

export class PlanFilterDto {
  @ApiPropertyOptional({ description: 'Words in the name or the network' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ enum: [4, 6] }) @IsOptional() @IsIn([4, 6]) family?: 4 | 6;
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() supernetId?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() subnetId?: number;
  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export const PLAN_SORTABLE = ['id', 'name', 'network'] as const;
export type PlanSortField = (typeof PLAN_SORTABLE)[number];
