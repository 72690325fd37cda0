import { ApiProperty } from '@nestjs/swagger';

export class NightlyRunDto {
  @ApiProperty() id: number;
  @ApiProperty({ enum: ['nightly', 'delinquency'] }) step: string;
  @ApiProperty({ example: '2026-12-01' }) runDate: string;
  @ApiProperty() workflowId: string;
  @ApiProperty({ enum: ['running', 'completed', 'failed'] }) status: string;
  @ApiProperty({ nullable: true, type: Number, description: 'The staff user who started it; null when the schedule did' }) startedBy:
    number | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The night that ran this one while catching up, or null when it ran on its own',
  })
  caughtUpBy: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'What the step did, once it is done' })
  summary: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt: string | null;
}
