import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { ExportButton, FilterButton, List, SortButton, TopToolbar } from 'react-admin';
import { Permissions, useHasPermission } from '../permissions';
import { CreateTicketDialog } from './CreateTicketDialog';
import { type TicketActionState, TicketActionDialogs } from './TicketActionDialogs';
import { TicketDrawer } from './TicketDrawer';
import { TICKET_SORT_FIELDS, TicketDatagrid, ticketExporter, useTicketFilters, WORKING_QUEUE } from './ticketListParts';
import type { TicketRow } from './types';

const QueueActions = ({ onCreate }: { onCreate: (() => void) | null }) => (
  <TopToolbar>
    <FilterButton />
    <SortButton fields={TICKET_SORT_FIELDS} />
    {onCreate ? (
      <Button size="small" startIcon={<AddIcon />} onClick={onCreate}>
        Create ticket
      </Button>
    ) : null}
    <ExportButton />
  </TopToolbar>
);

/** The ticket queue across accounts: open and pending tickets first, the most recently active on top. */
export const TicketList = () => {
  const canWrite = useHasPermission(Permissions.TicketsWrite);
  const filters = useTicketFilters(true);
  const [creating, setCreating] = useState(false);
  const [action, setAction] = useState<TicketActionState>(null);
  const [opened, setOpened] = useState<TicketRow | null>(null);
  return (
    <>
      <List
        title="Tickets"
        filters={filters}
        filterDefaultValues={WORKING_QUEUE}
        sort={{ field: 'lastActivityAt', order: 'DESC' }}
        perPage={25}
        exporter={ticketExporter('tickets')}
        actions={<QueueActions onCreate={canWrite ? () => setCreating(true) : null} />}
      >
        <TicketDatagrid
          showAccount
          canWrite={canWrite}
          onAction={(chosen, ticket) => setAction({ action: chosen, ticket })}
          onOpen={setOpened}
          empty="No tickets match."
        />
      </List>
      <TicketDrawer ticket={opened} onClose={() => setOpened(null)} />
      <TicketActionDialogs state={action} onClose={() => setAction(null)} />
      {creating ? <CreateTicketDialog accountId={null} onClose={() => setCreating(false)} /> : null}
    </>
  );
};
