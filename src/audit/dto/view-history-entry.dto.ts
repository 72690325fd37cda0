import { ApiProperty } from '@nestjs/swagger';
import { ROW_ID_SCHEMA } from './action-history-entry.dto';

export class ViewHistoryEntryDto {
  @ApiProperty(ROW_ID_SCHEMA) id: number | string;
  @ApiProperty() userId: number;
  @ApiProperty() userEmail: string;
  @ApiProperty({ example: 'account' }) entityType: string;
  @ApiProperty() entityId: string;
  @ApiProperty({ format: 'date-time' }) viewedAt: string;
}
