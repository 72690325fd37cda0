import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { Link, useGetList } from 'react-admin';
import { ActionSummary } from '../../actionHistory/ActionSummary';
import type { ActionHistoryEntry, ViewHistoryEntry } from '../../types';
import { accountTabPath } from '../accountTabPath';
import { RelativeTime } from '../RelativeTime';
import { SectionCard } from './SectionCard';

const SHOWN = 10;

type RecentEntry =
  | { kind: 'action'; key: string; at: string; who: string; entry: ActionHistoryEntry }
  | { kind: 'view'; key: string; at: string; who: string };

/** The last ten things that happened to the account, and who opened it, newest first. */
export const RecentLogsCard = ({ accountId }: { accountId: number }) => {
  const actions = useGetList<ActionHistoryEntry>('action-history', {
    filter: { accountId },
    sort: { field: 'createdAt', order: 'DESC' },
    pagination: { page: 1, perPage: SHOWN },
  });
  const views = useGetList<ViewHistoryEntry>('view-history', {
    filter: { entityType: 'account', entityId: String(accountId) },
    sort: { field: 'viewedAt', order: 'DESC' },
    pagination: { page: 1, perPage: SHOWN },
  });
  const isPending = actions.isPending || views.isPending;
  const recent: RecentEntry[] = [
    ...(actions.data ?? []).map((entry): RecentEntry => ({
      kind: 'action',
      key: `action-${entry.id}`,
      at: entry.createdAt,
      who: entry.actorEmail ?? 'system',
      entry,
    })),
    ...(views.data ?? []).map((view): RecentEntry => ({ kind: 'view', key: `view-${view.id}`, at: view.viewedAt, who: view.userEmail })),
  ]
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, SHOWN);

  return (
    <SectionCard
      title="Recent logs"
      action={
        <Button component={Link} to={accountTabPath(accountId, 'logs')} size="small">
          All Logs
        </Button>
      }
    >
      {isPending ? <Skeleton variant="text" /> : null}
      {!isPending && recent.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          Nothing recorded yet.
        </Typography>
      ) : null}
      <List dense disablePadding aria-label="Recent logs">
        {recent.map((item) => (
          <ListItem key={item.key} disableGutters secondaryAction={<RelativeTime value={item.at} />}>
            <ListItemText
              primary={
                item.kind === 'action' ? (
                  <ActionSummary entry={item.entry} withinAccount />
                ) : (
                  <>
                    <Chip label="View" size="small" variant="outlined" sx={{ mr: 1 }} />
                    Account opened
                  </>
                )
              }
              secondary={item.who}
              sx={{ pr: 12 }}
            />
          </ListItem>
        ))}
      </List>
    </SectionCard>
  );
};
