import { API_URL } from './apiUrl';

/** Documents the browser opens or downloads itself (same origin, so the session cookie goes along). */
export const invoicePdfUrl = (invoiceId: number): string => `${API_URL}/invoices/${invoiceId}/invoice.pdf`;
export const statementPdfUrl = (invoiceId: number): string => `${API_URL}/invoices/${invoiceId}/statement.pdf`;
export const receiptPdfUrl = (transactionId: number): string => `${API_URL}/transactions/${transactionId}/receipt.pdf`;
export const accountFileDownloadUrl = (fileId: number): string => `${API_URL}/account-files/${fileId}/download`;
export const accountFileThumbnailUrl = (fileId: number): string => `${API_URL}/account-files/${fileId}/thumbnail`;
export const contractPdfUrl = (contractId: number): string => `${API_URL}/contracts/${contractId}/pdf`;
export const contractSignatureUrl = (contractId: number): string => `${API_URL}/contracts/${contractId}/signature`;
