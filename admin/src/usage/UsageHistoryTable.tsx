import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import { Caption } from '../common';
import { formatOctets } from './formatOctets';
import { periodDays, periodInstant } from './periodDates';
import type { UsagePeriod } from './types';

interface UsageHistoryTableProps {
  periods: UsagePeriod[];
  newestFirst: boolean;
  onSort: () => void;
  /** Given to those who may correct the current period. */
  onEdit?: (period: UsagePeriod) => void;
}

const figure = { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** One row a billing period: its edges (UTC), billable, free and total usage, and the total split into in (download) and out (upload). */
export const UsageHistoryTable = ({ periods, newestFirst, onSort, onEdit }: UsageHistoryTableProps) => (
  <Box sx={{ overflowX: 'auto' }}>
    <Table size="small" aria-label="Usage history">
      <TableHead>
        <TableRow>
          <TableCell sortDirection={newestFirst ? 'desc' : 'asc'}>
            <TableSortLabel active direction={newestFirst ? 'desc' : 'asc'} onClick={onSort}>
              Start (UTC)
            </TableSortLabel>
          </TableCell>
          <TableCell>End (UTC)</TableCell>
          <TableCell sx={figure}>Billable</TableCell>
          <TableCell sx={figure}>Free</TableCell>
          <TableCell sx={figure}>Total</TableCell>
          <TableCell sx={figure} title="Received by the subscriber (download)">
            In
          </TableCell>
          <TableCell sx={figure} title="Sent by the subscriber (upload)">
            Out
          </TableCell>
          <TableCell sx={figure}>Allowance</TableCell>
          {onEdit ? <TableCell aria-label="Actions" /> : null}
        </TableRow>
      </TableHead>
      <TableBody>
        {periods.map((period) => (
          <TableRow key={period.start} aria-label={`Period ${periodDays(period)}`} selected={period.current}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              {periodInstant(period.start)}
              {period.current ? <Caption>Current period</Caption> : null}
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{periodInstant(period.end)}</TableCell>
            <TableCell sx={figure}>{formatOctets(period.billable.total)}</TableCell>
            <TableCell sx={figure}>{formatOctets(period.free.total)}</TableCell>
            <TableCell sx={figure}>{formatOctets(period.usage.total)}</TableCell>
            <TableCell sx={figure}>{formatOctets(period.usage.download)}</TableCell>
            <TableCell sx={figure}>{formatOctets(period.usage.upload)}</TableCell>
            <TableCell sx={figure}>{formatOctets(period.allowanceOctets)}</TableCell>
            {onEdit ? (
              <TableCell sx={{ textAlign: 'right' }}>
                {period.current ? (
                  <Button size="small" onClick={() => onEdit(period)}>
                    Edit
                  </Button>
                ) : null}
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  </Box>
);
