import Chip from '@mui/material/Chip';
import { formatDate } from '../accounts/formatting';
import type { ReconciliationSummary } from './types';

const STATUS: Record<ReconciliationSummary['status'], { label: string; color: 'default' | 'success' | 'warning' | 'error' }> = {
  running: { label: 'Running', color: 'warning' },
  completed: { label: 'Completed', color: 'success' },
  failed: { label: 'Failed', color: 'error' },
};

export const ReconciliationStatus = ({ status }: { status: ReconciliationSummary['status'] }) => (
  <Chip size="small" label={STATUS[status].label} color={STATUS[status].color} variant="outlined" />
);

/** The night's, or the staff member who asked for it. */
export const askedBy = (run: ReconciliationSummary): string =>
  run.requestedBy ? run.requestedBy.name : run.nightOf ? `Nightly, for ${formatDate(run.nightOf)}` : 'Nightly';

/** The same as a sentence's start: "Asked for by Dana Reyes", "Nightly, for 2 Jan 2027". */
export const askedBySentence = (run: ReconciliationSummary): string =>
  run.requestedBy ? `Asked for by ${run.requestedBy.name}` : askedBy(run);

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Rows written per kind of server: ["2 on FreeRADIUS", "1 on DHCP servers"]. */
const perServer = (run: ReconciliationSummary): string[] => {
  const freeradius = run.repairCounts.radius + run.repairCounts.nas;
  return [
    freeradius ? `${freeradius} on FreeRADIUS` : null,
    run.repairCounts.dhcp ? `${run.repairCounts.dhcp} on DHCP servers` : null,
  ].filter((part): part is string => part !== null);
};

/** "3 changes made: 2 on FreeRADIUS, 1 on DHCP servers": rows written, where one repair may take two (the wrong row out, the right one in). */
export const changeWords = (run: ReconciliationSummary): string => {
  const parts = perServer(run);
  return parts.length ? `${plural(run.repairs, 'change', 'changes')} made: ${parts.join(', ')}` : 'No change was needed';
};

/** The report's headline, counting the repairs listed under it: "1 repair (rows written: 2 on FreeRADIUS)". */
export const repairWords = (run: ReconciliationSummary, repairs: number): string =>
  repairs ? `${plural(repairs, 'repair', 'repairs')} (rows written: ${perServer(run).join(', ')})` : changeWords(run);
