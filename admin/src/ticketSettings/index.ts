import GroupIcon from '@mui/icons-material/Groups';
import StatusIcon from '@mui/icons-material/LabelOutlined';
import { TicketGroupCreate, TicketGroupEdit } from './TicketGroupForms';
import { TicketGroupList } from './TicketGroupList';
import { TicketStatusCreate, TicketStatusEdit } from './TicketStatusForms';
import { TicketStatusList } from './TicketStatusList';

export const ticketStatuses = {
  list: TicketStatusList,
  create: TicketStatusCreate,
  edit: TicketStatusEdit,
  icon: StatusIcon,
  options: { label: 'Ticket statuses' },
  recordRepresentation: 'name',
};

export const ticketGroups = {
  list: TicketGroupList,
  create: TicketGroupCreate,
  edit: TicketGroupEdit,
  icon: GroupIcon,
  options: { label: 'Ticket groups' },
  recordRepresentation: 'name',
};
