import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin@backhaul.local' }) @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ example: 'backhaul-demo' }) @IsString() @MinLength(1) @MaxLength(1024) password: string;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'Bearer token for API clients; the panel uses the httpOnly cookie set alongside' })
  token: string;
}

export class MeResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) permissions: string[];
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } } })
  roles: { id: number; name: string }[];
}
