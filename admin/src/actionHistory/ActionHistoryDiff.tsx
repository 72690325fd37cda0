import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useRecordContext } from 'react-admin';
import type { ActionHistoryEntry } from '../types';
import { changedKeys } from './stateDiff';
import { StatePane } from './StatePane';

/** Expand panel: the entity before and after the action, side by side. */
export const ActionHistoryDiff = () => {
  const entry = useRecordContext<ActionHistoryEntry>();
  if (!entry) return null;
  const before = entry.before ?? null;
  const after = entry.after ?? null;
  if (before === null && after === null) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ p: 1 }}>
        No state was recorded for this action.
      </Typography>
    );
  }
  const changed = new Set(changedKeys(before, after));
  return (
    <Stack spacing={1} sx={{ py: 1 }}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <StatePane title="Before" state={before} changed={changed} tone="error" />
        <StatePane title="After" state={after} changed={changed} tone="success" />
      </Stack>
      <Typography variant="caption" color="text.secondary">
        {changed.size === 0
          ? 'No field changed.'
          : `Highlighted: ${changed.size} changed field${changed.size === 1 ? '' : 's'} (${[...changed].join(', ')}).`}
      </Typography>
    </Stack>
  );
};
