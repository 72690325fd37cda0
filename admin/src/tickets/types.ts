import type { components } from '../api/schema';

type Schemas = components['schemas'];

/** GET /api/tickets and /api/accounts/:id/tickets (see docs/tickets.md). */
export type TicketRow = Schemas['TicketRowDto'];
/** GET /api/tickets/:id: the row with its conversation, recipients, links, parent and children. */
export type Ticket = Schemas['TicketResponseDto'];
export type TicketMessage = Ticket['messages'][number];
export type TicketLink = Ticket['links'][number];
export type TicketRecipient = Ticket['recipients'][number];
export type TicketRecipientInput = Schemas['TicketRecipientInputDto'];
export type TicketStatus = Schemas['TicketStatusResponseDto'];
export type TicketGroup = Schemas['TicketGroupResponseDto'];

export type TicketPriority = TicketRow['priority'];
export const TICKET_PRIORITIES = ['low', 'medium', 'high', 'critical'] as const satisfies readonly TicketPriority[];
export const PRIORITY_LABELS: Record<TicketPriority, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

export type TicketStatusKind = TicketRow['statusKind'];
export const TICKET_STATUS_KINDS = ['open', 'pending', 'closed'] as const satisfies readonly TicketStatusKind[];
export const STATUS_KIND_LABELS: Record<TicketStatusKind, string> = { open: 'Open', pending: 'Pending', closed: 'Closed' };

export type TicketVisibility = TicketRow['visibility'];
export const TICKET_VISIBILITIES = ['internal', 'public'] as const satisfies readonly TicketVisibility[];
export const VISIBILITY_LABELS: Record<TicketVisibility, string> = { internal: 'Internal', public: 'Public' };

export type TicketSource = TicketRow['source'];
export const SOURCE_LABELS: Record<TicketSource, string> = { staff: 'Staff', email: 'Email', call_log: 'Call log' };

export type TicketLinkKind = TicketLink['kind'];
/** What a clerk links by hand; jobs are linked by creating a job from the ticket. */
export type LinkableKind = Schemas['CreateTicketLinkDto']['kind'];
export const LINK_KIND_LABELS: Record<TicketLinkKind, string> = {
  task: 'Task',
  file: 'File',
  job: 'Job',
  inventory_item: 'Inventory item',
};

/** "#57": how a ticket is referred to, as the email subjects say it. */
export const ticketNumber = (ticketId: number): string => `#${ticketId}`;
