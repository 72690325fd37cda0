import { ApiProperty } from '@nestjs/swagger';

/** The answer to starting a date's process (a bill run, an autopay run, a night): its workflow, new or already there. */
export class RunStartedDto {
  @ApiProperty({ example: 'bill-run/2026-12-01' }) workflowId: string;
  @ApiProperty({ description: 'false when the run of that date was already started or done; nothing new was started' }) started: boolean;
}
