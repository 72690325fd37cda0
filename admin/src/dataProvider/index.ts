export * from './apiErrors';
export * from './apiUrl';
export * from './dataProvider';
export * from './documentUrls';
export * from './exportUrl';
export * from './httpClient';
export { inboundMessageRawUrl } from './inboundMail';
export { ticketAttachmentUrl } from './tickets';
