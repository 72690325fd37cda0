import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export const REMINDER_LEAD_MAX_MINUTES = 10_080;

export class UpdateJobSettingsDto {
  @ApiProperty({ example: 1440, minimum: 1, maximum: REMINDER_LEAD_MAX_MINUTES })
  @IsInt()
  @Min(1)
  @Max(REMINDER_LEAD_MAX_MINUTES, { message: `reminderLeadMinutes must be at most ${REMINDER_LEAD_MAX_MINUTES} (a week)` })
  reminderLeadMinutes: number;
}

export class JobReminderReconciliationDto {
  @ApiProperty({ description: 'Jobs booked ahead that were looked at' }) scheduledJobs: number;
  @ApiProperty({ description: 'Reminders started or re-armed for jobs whose reminder was not waiting' }) armed: number;
}

export class JobSettingsResponseDto {
  @ApiProperty({ example: 1440, description: "How long before a job's start its reminder goes to the subscriber" })
  reminderLeadMinutes: number;
}
