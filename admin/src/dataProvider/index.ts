export * from './apiErrors';
export * from './apiUrl';
export * from './dataProvider';
export * from './documentUrls';
export * from './exportUrl';
export * from './httpClient';
export { ticketAttachmentUrl } from './tickets';
