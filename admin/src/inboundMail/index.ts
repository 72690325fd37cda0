import InboundMailIcon from '@mui/icons-material/MoveToInbox';
import { InboundMessageList } from './InboundMessageList';

export { INBOUND_MESSAGES_RESOURCE } from './types';

/** #/inbound-messages: the helpdesk mailbox's mail and what became of it, under Settings beside the ticket settings. */
export const inboundMessages = { list: InboundMessageList, icon: InboundMailIcon, options: { label: 'Inbound mail' } };
