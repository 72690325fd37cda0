import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { SectionCard } from '../accounts/overview/SectionCard';
import { errorMessage } from '../dataProvider';
import { Permissions, useHasPermission } from '../permissions';
import { EditUsagePeriodDialog } from './EditUsagePeriodDialog';
import type { UsagePeriod } from './types';
import { downloadUsageHistory } from './usageHistoryCsv';
import { UsageHistoryTable } from './UsageHistoryTable';

const PERIOD_COUNTS = [6, 12, 24, 36];

interface UsageHistoryCardProps {
  accountId: number;
  /** Newest first, as the API answers. */
  periods: UsagePeriod[] | undefined;
  error: unknown;
  count: number;
  onCount: (count: number) => void;
}

/**
 * The usage history: a row per billing period, newest first unless turned round, as many periods
 * back as chosen, exportable as CSV; the current period can be corrected by hand.
 */
export const UsageHistoryCard = ({ accountId, periods, error, count, onCount }: UsageHistoryCardProps) => {
  const canCorrect = useHasPermission(Permissions.BillingManage);
  const [newestFirst, setNewestFirst] = useState(true);
  const [editing, setEditing] = useState<UsagePeriod | null>(null);
  const rows = periods ? (newestFirst ? periods : [...periods].reverse()) : [];
  return (
    <SectionCard
      title="Usage history"
      action={
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <TextField
            select
            size="small"
            label="Periods"
            value={count}
            onChange={(event) => onCount(Number(event.target.value))}
            sx={{ minWidth: 110 }}
          >
            {PERIOD_COUNTS.map((n) => (
              <MenuItem key={n} value={n}>
                Last {n}
              </MenuItem>
            ))}
          </TextField>
          <Button
            size="small"
            startIcon={<DownloadIcon />}
            disabled={!periods?.length}
            onClick={() => downloadUsageHistory(accountId, rows)}
          >
            Export
          </Button>
        </Stack>
      }
    >
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        A period runs from the billing day to the next one and turns at midnight UTC, whatever the instance&apos;s time zone.
      </Typography>
      {error ? <Alert severity="error">The usage history could not load: {errorMessage(error)}</Alert> : null}
      {periods ? (
        <UsageHistoryTable
          periods={rows}
          newestFirst={newestFirst}
          onSort={() => setNewestFirst(!newestFirst)}
          onEdit={canCorrect ? setEditing : undefined}
        />
      ) : null}
      {editing ? <EditUsagePeriodDialog accountId={accountId} period={editing} onClose={() => setEditing(null)} /> : null}
    </SectionCard>
  );
};
