import TicketIcon from '@mui/icons-material/ConfirmationNumberOutlined';
import { TicketList } from './TicketList';
import { TicketShow } from './TicketShow';
import type { TicketRow } from './types';

export { AccountTicketsTab } from './AccountTicketsTab';

export const tickets = {
  list: TicketList,
  show: TicketShow,
  icon: TicketIcon,
  options: { label: 'Tickets' },
  recordRepresentation: (ticket: TicketRow) => `#${ticket.id} ${ticket.subject}`,
};
