import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ListFormatQueryDto {
  @ApiPropertyOptional({
    enum: ['plain', 'routeros'],
    default: 'plain',
    description: 'plain: one entry per line; routeros: a script for /import',
  })
  @IsOptional()
  @IsIn(['plain', 'routeros'])
  format?: 'plain' | 'routeros';
}
