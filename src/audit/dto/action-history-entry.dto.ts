import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

/** A 64-bit row id: a number, or a string once it is past what a JSON number holds exactly. */
export const ROW_ID_SCHEMA: ApiPropertyOptions = { oneOf: [{ type: 'integer' }, { type: 'string' }] };

const STATE_SCHEMA = {
  type: 'object',
  additionalProperties: true,
  nullable: true,
  description: 'The record as it stood; secrets are never recorded',
} as const;

export class ActionHistoryEntryDto {
  @ApiProperty(ROW_ID_SCHEMA) id: number | string;
  @ApiProperty({ nullable: true, type: Number }) actorUserId: number | null;
  @ApiProperty({ nullable: true, type: String }) actorEmail: string | null;
  @ApiProperty({ example: 'update' }) action: string;
  @ApiProperty({ example: 'account' }) entityType: string;
  @ApiProperty() entityId: string;
  @ApiProperty({ nullable: true, type: Number, description: 'The account the entity belongs to, if any' }) accountId: number | null;
  @ApiProperty(STATE_SCHEMA) before: Record<string, unknown> | null;
  @ApiProperty(STATE_SCHEMA) after: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
