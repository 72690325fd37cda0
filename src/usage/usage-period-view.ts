import type { AllowanceUse } from './allowance';
import type { UsageOctetsDto, UsagePeriodDto, UsageSettlementDto } from './dto/usage.dto';
import type { PeriodFigures } from './period-usage';
import type { UsagePeriod } from './usage-period';

const octets = (upload: bigint, download: bigint): UsageOctetsDto => ({
  upload: upload.toString(),
  download: download.toString(),
  total: (upload + download).toString(),
});

/** One period as the Data Usage tab shows it. */
export function periodView(
  period: UsagePeriod,
  current: boolean,
  f: PeriodFigures,
  use: AllowanceUse | null,
  settlement: UsageSettlementDto | null,
): UsagePeriodDto {
  return {
    start: period.start.toISOString(),
    end: period.end.toISOString(),
    current,
    usage: octets(f.billableUpload + f.freeUpload, f.billableDownload + f.freeDownload),
    billable: octets(f.billableUpload, f.billableDownload),
    free: octets(f.freeUpload, f.freeDownload),
    capOctets: use?.capOctets?.toString() ?? null,
    topOffOctets: f.topOffOctets.toString(),
    rolloverOctets: (use?.rolloverOctets ?? 0n).toString(),
    allowanceOctets: use?.allowanceOctets?.toString() ?? null,
    overageOctets: (use?.overageOctets ?? 0n).toString(),
    settlement,
  };
}
