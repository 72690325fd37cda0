import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { Link, useGetList } from 'react-admin';
import type { ActionHistoryEntry } from '../../types';
import { accountTabPath } from '../accountTabPath';
import { RelativeTime } from '../RelativeTime';
import { SectionCard } from './SectionCard';

/** The last ten things that happened to the account. */
export const RecentLogsCard = ({ accountId }: { accountId: number }) => {
  const { data = [], isPending } = useGetList<ActionHistoryEntry>('action-history', {
    filter: { accountId },
    sort: { field: 'createdAt', order: 'DESC' },
    pagination: { page: 1, perPage: 10 },
  });
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
      {!isPending && data.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          Nothing recorded yet.
        </Typography>
      ) : null}
      <List dense disablePadding>
        {data.map((entry) => (
          <ListItem key={entry.id} disableGutters secondaryAction={<RelativeTime value={entry.createdAt} />}>
            <ListItemText
              primary={`${entry.action} ${entry.entityType.replace(/_/g, ' ')} #${entry.entityId}`}
              secondary={entry.actorEmail ?? 'system'}
              sx={{ pr: 12 }}
            />
          </ListItem>
        ))}
      </List>
    </SectionCard>
  );
};
