import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsPositive, IsString, MaxLength } from 'class-validator';

export const DISCONNECT_REASON_MAX_LENGTH = 500;

export class DisconnectAccountDto {
  @ApiPropertyOptional({
    description: 'A status that does not count as active; the default disconnect status when left out',
    example: 7,
  })
  @IsOptional()
  @IsInt()
  @IsPositive()
  statusId?: number;

  @ApiPropertyOptional({ example: 'Moved out of the service area', maxLength: DISCONNECT_REASON_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(DISCONNECT_REASON_MAX_LENGTH)
  reason?: string;
}
