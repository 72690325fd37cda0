import { Module } from '@nestjs/common';
import { NightlyActivities } from './nightly.activities';
import { NightlyRunRecordsService } from './nightly-run-records.service';
import { NightlyRunsController } from './nightly-runs.controller';
import { NightlyRunsService } from './nightly-runs.service';

/** The nightly processes started by hand for a date, their records, and the delinquency preview. Delinquency itself is global. */
@Module({
  controllers: [NightlyRunsController],
  providers: [NightlyRunsService, NightlyRunRecordsService, NightlyActivities],
  exports: [NightlyActivities],
})
export class NightlyModule {}
