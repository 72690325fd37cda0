import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

/** 100 Gbit/s in kbit/s: anything above is a typo, not a profile. */
const FASTEST_KBPS = 100_000_000;

export class SessionEnforcementSettingsDto {
  @ApiProperty({ example: 512, description: 'Download speed of a delinquent account’s sessions, in kbit/s' })
  delinquentDownloadKbps: number;
  @ApiProperty({ example: 256, description: 'Upload speed of a delinquent account’s sessions, in kbit/s' }) delinquentUploadKbps: number;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

export class UpdateSessionEnforcementSettingsDto {
  @ApiProperty({
    example: 512,
    minimum: 1,
    maximum: FASTEST_KBPS,
    description: 'Download speed of a delinquent account’s sessions, in kbit/s',
  })
  @IsInt()
  @Min(1)
  @Max(FASTEST_KBPS)
  delinquentDownloadKbps: number;

  @ApiProperty({
    example: 256,
    minimum: 1,
    maximum: FASTEST_KBPS,
    description: 'Upload speed of a delinquent account’s sessions, in kbit/s',
  })
  @IsInt()
  @Min(1)
  @Max(FASTEST_KBPS)
  delinquentUploadKbps: number;
}
