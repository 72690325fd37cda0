import ProcessorEventIcon from '@mui/icons-material/MoveToInbox';
import { WebhookEventList } from './WebhookEventList';
import { WebhookEventShow } from './WebhookEventShow';

export const webhookEvents = {
  list: WebhookEventList,
  show: WebhookEventShow,
  icon: ProcessorEventIcon,
  recordRepresentation: 'id',
  options: { label: 'Processor events' },
};
