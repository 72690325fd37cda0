import { answer, api, type Schemas } from './apiClient';

/** Emails, call logs and message templates. Their lists are the stock provider's (`accounts/:id/emails`, `accounts/:id/call-logs`). */
export const correspondenceMethods = {
  fetchEmail: (emailId: number) => answer(api.GET('/api/emails/{id}', { params: { path: { id: emailId } } })),

  writeEmail: (accountId: number, input: Schemas['ComposeEmailDto']) =>
    answer(api.POST('/api/accounts/{id}/emails', { params: { path: { id: accountId } }, body: input })),

  resendEmail: (emailId: number) => answer(api.POST('/api/emails/{id}/resend', { params: { path: { id: emailId } } })),

  createCallLog: (accountId: number, input: Schemas['CreateCallLogDto']) =>
    answer(api.POST('/api/accounts/{id}/call-logs', { params: { path: { id: accountId } }, body: input })),

  /** PATCH: only the fields given change. */
  updateCallLog: (callLogId: number, input: Schemas['UpdateCallLogDto']) =>
    answer(api.PATCH('/api/call-logs/{id}', { params: { path: { id: callLogId } }, body: input })),

  deleteCallLog: (callLogId: number) => answer(api.DELETE('/api/call-logs/{id}', { params: { path: { id: callLogId } } })),

  requestTicket: (callLogId: number, input: Schemas['CreateCallLogTicketRequestDto']) =>
    answer(api.POST('/api/call-logs/{id}/ticket-requests', { params: { path: { id: callLogId } }, body: input })),

  fetchMergeFields: () => answer(api.GET('/api/message-templates/merge-fields')),

  previewTemplate: (key: string, body: Schemas['PreviewMessageTemplateDto']) =>
    answer(api.POST('/api/message-templates/{key}/preview', { params: { path: { key } }, body })),

  fetchInvoiceEmailRecipients: (invoiceId: number) =>
    answer(api.GET('/api/invoices/{id}/email-recipients', { params: { path: { id: invoiceId } } })),

  emailInvoice: (invoiceId: number) => answer(api.POST('/api/invoices/{id}/email', { params: { path: { id: invoiceId } } })),
};
