import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsPositive, IsString, Matches, MaxLength } from 'class-validator';
import { unlessNull } from '../../common/unless-null';

export class CreateDhcpServerDto {
  @ApiProperty({ example: 'Core Kea', maxLength: 100 })
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(100)
  name: string;
  @ApiProperty({
    example: 'mysql://kea:secret@10.0.0.9:3306/kea',
    description: "Kea's host database (MySQL host backend); never returned with its password",
  })
  @IsString()
  @MaxLength(500)
  @Matches(/^mysql:\/\/[^\s]+\/[A-Za-z0-9_$]+$/, { message: 'hostsDatabaseUrl must be a mysql:// URL naming a database' })
  hostsDatabaseUrl: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '/run/kea/kea4-ctrl-socket',
    description: "Kea's control socket on the worker's machine; without one, subnets are not pushed to Kea",
  })
  @unlessNull
  @IsString()
  @MaxLength(200)
  controlSocket?: string | null;
  @ApiPropertyOptional({
    type: [String],
    example: ['10.0.0.1'],
    description: 'Relay agents whose requests select the subnets (Kea relay.ip-addresses)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  relayAddresses?: string[];
  @ApiPropertyOptional({ type: [Number], description: 'The IPv4 subnets this server serves' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @IsInt({ each: true })
  @IsPositive({ each: true })
  subnetIds?: number[];
}

export class UpdateDhcpServerDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(100)
  name?: string;
  @ApiPropertyOptional({ description: 'A new host database URL; never returned with its password' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Matches(/^mysql:\/\/[^\s]+\/[A-Za-z0-9_$]+$/, { message: 'hostsDatabaseUrl must be a mysql:// URL naming a database' })
  hostsDatabaseUrl?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @unlessNull @IsString() @MaxLength(200) controlSocket?: string | null;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) relayAddresses?: string[];
  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @IsInt({ each: true })
  @IsPositive({ each: true })
  subnetIds?: number[];
}

export class DhcpServerFilterDto {
  @ApiPropertyOptional({
    description: 'Part of the name, the control socket or a relay address (never the host database URL, which may hold a password)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsArray() @IsInt({ each: true }) id?: number[];
}

export const DHCP_SERVER_SORTABLE = ['id', 'name', 'updatedAt'] as const;
export type DhcpServerSortField = (typeof DHCP_SERVER_SORTABLE)[number];

export class DhcpServerResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'mysql://10.0.0.9:3306/kea', description: 'Where its host database is, without the login' })
  hostsDatabase: string;
  @ApiProperty({ nullable: true, type: String }) controlSocket: string | null;
  @ApiProperty({ type: [String] }) relayAddresses: string[];
  @ApiProperty({ type: [Number] }) subnetIds: number[];
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}
