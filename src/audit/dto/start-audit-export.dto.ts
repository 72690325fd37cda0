import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { ActionHistoryFilterDto } from './action-history-filter.dto';

export class StartAuditExportDto {
  @ApiProperty({ type: ActionHistoryFilterDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ActionHistoryFilterDto)
  filter: ActionHistoryFilterDto;
}
