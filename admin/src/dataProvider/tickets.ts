import { answer, api, type Schemas } from './apiClient';
import { API_URL } from './apiUrl';

const id = (value: number) => ({ params: { path: { id: value } } });

/** Tickets beyond the stock lists: one ticket with its conversation, and the actions on it (see docs/tickets.md). */
export const ticketMethods = {
  fetchTicket: (ticketId: number) => answer(api.GET('/api/tickets/{id}', id(ticketId))),

  /** A ticket on the account, or on no account when `accountId` is left out. */
  createTicket: (input: Schemas['CreateTicketDto']) => answer(api.POST('/api/tickets', { body: input })),

  createAccountTicket: (accountId: number, input: Schemas['CreateAccountTicketDto']) =>
    answer(api.POST('/api/accounts/{id}/tickets', { ...id(accountId), body: input })),

  /** PATCH: only the fields given change; assigning is `{ assigneeUserId }` alone. */
  updateTicket: (ticketId: number, input: Schemas['UpdateTicketDto']) =>
    answer(api.PATCH('/api/tickets/{id}', { ...id(ticketId), body: input })),

  replaceTicketRecipients: (ticketId: number, recipients: Schemas['TicketRecipientInputDto'][]) =>
    answer(api.PUT('/api/tickets/{id}/recipients', { ...id(ticketId), body: { recipients } })),

  postTicketMessage: (ticketId: number, input: Schemas['CreateTicketMessageDto']) =>
    answer(api.POST('/api/tickets/{id}/messages', { ...id(ticketId), body: input })),

  /** Merges the ticket into `intoTicketId`; answers the survivor. */
  mergeTicket: (ticketId: number, intoTicketId: number) =>
    answer(api.POST('/api/tickets/{id}/merge', { ...id(ticketId), body: { intoTicketId } })),

  addTicketLink: (ticketId: number, link: Schemas['CreateTicketLinkDto']) =>
    answer(api.POST('/api/tickets/{id}/links', { ...id(ticketId), body: link })),

  removeTicketLink: (ticketId: number, linkId: number) =>
    answer(api.DELETE('/api/tickets/{id}/links/{linkId}', { params: { path: { id: ticketId, linkId } } })),

  /** Opens a ticket from a call at once, prefilled from the call. */
  ticketFromCallLog: (callLogId: number, input: Schemas['CreateCallLogTicketDto']) =>
    answer(api.POST('/api/call-logs/{id}/tickets', { ...id(callLogId), body: input })),

  /** Turns a ticket request kept earlier into its ticket; again, the same ticket. */
  convertTicketRequest: (requestId: number) => answer(api.POST('/api/call-log-ticket-requests/{id}/ticket', id(requestId))),

  /** A job on the ticket's account, linked to the ticket, not scheduled yet. */
  createTicketJob: (ticketId: number, input: Schemas['CreateTicketJobDto']) =>
    answer(api.POST('/api/tickets/{id}/jobs', { ...id(ticketId), body: input })),
};

/** Always a download, never shown inline (the API says so too). */
export const ticketAttachmentUrl = (attachmentId: number): string => `${API_URL}/ticket-attachments/${attachmentId}`;
