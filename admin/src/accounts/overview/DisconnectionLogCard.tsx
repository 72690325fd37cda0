import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-admin';
import { StatusChip } from '../../accountStatuses';
import { Money } from '../../billing/common/Money';
import type { components } from '../../api/schema';
import { useBackhaulDataProvider } from '../../dataProvider';
import { accountTabPath } from '../accountTabPath';
import { formatDateTime } from '../formatting';
import { SectionCard } from './SectionCard';

/** GET /api/accounts/:id/disconnections, one entry. */
export type Disconnection = components['schemas']['DisconnectionResponseDto'];

export const disconnectionsQueryKey = (accountId: number | string) => ['disconnections', String(accountId)] as const;

/** The account's disconnection log, newest first; the header's Disconnect button reads it too. */
export const useDisconnections = (accountId: number | string) => {
  const dataProvider = useBackhaulDataProvider();
  return useQuery({
    queryKey: disconnectionsQueryKey(accountId),
    queryFn: () => dataProvider.fetchDisconnections(Number(accountId)),
  });
};

/** Who disconnected the account, when, and from which service address; shown once there is something to show. */
export const DisconnectionLogCard = ({ accountId }: { accountId: number }) => {
  const { data = [] } = useDisconnections(accountId);
  if (data.length === 0) return null;
  return (
    <SectionCard title="Disconnection log">
      <List dense disablePadding aria-label="Disconnections">
        {data.map((entry) => (
          <ListItem key={entry.id} disableGutters alignItems="flex-start" aria-label={`Disconnection on ${entry.disconnectedOn}`}>
            <ListItemText
              primary={
                <>
                  {formatDateTime(entry.disconnectedAt)} by {entry.disconnectedBy?.name ?? 'the system'}{' '}
                  <StatusChip name={entry.status.name} color={entry.status.color} />
                </>
              }
              secondary={
                <>
                  <Typography component="span" variant="body2" display="block">
                    From {entry.address.formatted}
                  </Typography>
                  {entry.finalInvoice ? (
                    <Typography component="span" variant="body2" display="block">
                      Final invoice <Link to={accountTabPath(entry.accountId, 'billing/invoices')}>{entry.finalInvoice.number}</Link>:{' '}
                      <Money amount={entry.finalInvoice.total} currency={entry.currency} />
                      {entry.finalInvoice.remaining > 0 ? (
                        <>
                          {', '}
                          <Money amount={entry.finalInvoice.remaining} currency={entry.currency} /> still owed
                        </>
                      ) : (
                        ', paid'
                      )}
                    </Typography>
                  ) : (
                    <Typography component="span" variant="body2" display="block">
                      Nothing was left to invoice
                    </Typography>
                  )}
                  {entry.reason ? (
                    <Typography component="span" variant="body2" display="block">
                      Reason: {entry.reason}
                    </Typography>
                  ) : null}
                </>
              }
            />
          </ListItem>
        ))}
      </List>
    </SectionCard>
  );
};
