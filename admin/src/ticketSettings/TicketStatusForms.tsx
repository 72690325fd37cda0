import { SettingsCreate, SettingsEdit } from '../common';
import { TicketStatusInputs, ticketStatusPayload } from './TicketStatusInputs';

export const TicketStatusCreate = () => (
  <SettingsCreate transform={ticketStatusPayload} defaultValues={{ kind: 'open', isDefault: false }}>
    <TicketStatusInputs />
  </SettingsCreate>
);

/** Delete asks first; a status tickets have, or the default, is refused with the server's reason. */
export const TicketStatusEdit = () => (
  <SettingsEdit transform={ticketStatusPayload}>
    <TicketStatusInputs />
  </SettingsEdit>
);
