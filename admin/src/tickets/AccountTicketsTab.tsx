import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ExportButton, FilterButton, List, SortButton, TopToolbar, useGetIdentity } from 'react-admin';
import type { AccountTabProps } from '../accounts/accountTabs';
import { Permissions, useHasPermission } from '../permissions';
import { CreateTicketDialog } from './CreateTicketDialog';
import { type TicketActionState, TicketActionDialogs } from './TicketActionDialogs';
import { TicketDrawer } from './TicketDrawer';
import { TICKET_SORT_FIELDS, TicketDatagrid, ticketExporter, useTicketFilters } from './ticketListParts';
import type { TicketRow } from './types';
import { accountTicketsResource } from './useTicketsChanged';

/** The account's Tickets tab: its tickets, newest activity first, filtered, sorted, exported, and a new one. */
export const AccountTicketsTab = ({ account }: AccountTabProps) => {
  const canWrite = useHasPermission(Permissions.TicketsWrite);
  const { identity } = useGetIdentity();
  const filters = useTicketFilters(false);
  const [creating, setCreating] = useState(false);
  const [action, setAction] = useState<TicketActionState>(null);
  const [opened, setOpened] = useState<TicketRow | null>(null);

  return (
    <Card>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="h6" component="h2">
            Tickets
          </Typography>
          {canWrite ? (
            <Button size="small" variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
              Create ticket
            </Button>
          ) : null}
        </Stack>
        <List
          resource={accountTicketsResource(account.id)}
          filters={filters}
          filterDefaultValues={{ merged: false }}
          sort={{ field: 'lastActivityAt', order: 'DESC' }}
          perPage={25}
          disableSyncWithLocation
          storeKey={false}
          exporter={ticketExporter(`tickets-account-${account.id}`)}
          actions={
            <TopToolbar>
              <FilterButton />
              <SortButton fields={TICKET_SORT_FIELDS} />
              <ExportButton />
            </TopToolbar>
          }
          title={false}
          empty={false}
        >
          <TicketDatagrid
            showAccount={false}
            canWrite={canWrite}
            onAction={(chosen, ticket) => setAction({ action: chosen, ticket })}
            onOpen={setOpened}
            empty="No tickets match."
          />
        </List>
      </CardContent>
      <TicketDrawer ticket={opened} onClose={() => setOpened(null)} />
      <TicketActionDialogs state={action} onClose={() => setAction(null)} />
      {creating ? (
        <CreateTicketDialog
          accountId={account.id}
          assigneeUserId={identity ? Number(identity.id) : null}
          onClose={() => setCreating(false)}
        />
      ) : null}
    </Card>
  );
};
