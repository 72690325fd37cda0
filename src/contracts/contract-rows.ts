import type { EntityManager } from 'typeorm';
import { workflowIds } from '../../workflows/shared';
import { NotFoundException } from '../common/errors';
import type { ContractDetailDto, ContractResponseDto, ContractState, SigningRequestDto, SigningRequestState } from './dto/contract.dto';

/** A contract row as the services work with it; the document and the signature image are read only where needed. */
export interface ContractRow {
  id: number;
  accountId: number;
  templateId: number;
  name: string;
  termMonths: number | null;
  state: ContractState;
  documentSha256: string;
  createdByUserId: number | null;
  createdAt: Date;
  sentAt: Date | null;
  viewedAt: Date | null;
  signedAt: Date | null;
  signerName: string | null;
  signerEmail: string | null;
  signerAddress: string | null;
  signerUserAgent: string | null;
  signingMethod: 'in_person' | 'link' | null;
  expiresOn: string | null;
  declinedAt: Date | null;
  declineReason: string | null;
  renewalTaskId: number | null;
  signedPdfSha256: string | null;
}

export const CONTRACT_COLUMNS = `c.id, c.account_id, c.template_id, c.name, c.term_months, c.state, c.document_sha256, c.created_by_user_id,
  c.created_at, c.sent_at, c.viewed_at, c.signed_at, c.signer_name, c.signer_email, c.signer_address, c.signer_user_agent,
  c.signing_method, DATE_FORMAT(c.expires_on, '%Y-%m-%d') AS expires_on, c.declined_at, c.decline_reason, c.renewal_task_id,
  (SELECT d.pdf_sha256 FROM contract_documents d WHERE d.contract_id = c.id) AS signed_pdf_sha256`;

const idOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

export function toContractRow(r: Record<string, unknown>): ContractRow {
  return {
    id: Number(r.id),
    accountId: Number(r.account_id),
    templateId: Number(r.template_id),
    name: r.name as string,
    termMonths: idOrNull(r.term_months),
    state: r.state as ContractState,
    documentSha256: r.document_sha256 as string,
    createdByUserId: idOrNull(r.created_by_user_id),
    createdAt: r.created_at as Date,
    sentAt: (r.sent_at as Date | null) ?? null,
    viewedAt: (r.viewed_at as Date | null) ?? null,
    signedAt: (r.signed_at as Date | null) ?? null,
    signerName: (r.signer_name as string | null) ?? null,
    signerEmail: (r.signer_email as string | null) ?? null,
    signerAddress: (r.signer_address as string | null) ?? null,
    signerUserAgent: (r.signer_user_agent as string | null) ?? null,
    signingMethod: (r.signing_method as 'in_person' | 'link' | null) ?? null,
    expiresOn: (r.expires_on as string | null) ?? null,
    declinedAt: (r.declined_at as Date | null) ?? null,
    declineReason: (r.decline_reason as string | null) ?? null,
    renewalTaskId: idOrNull(r.renewal_task_id),
    signedPdfSha256: (r.signed_pdf_sha256 as string | null) ?? null,
  };
}

/** One contract, locked for the rest of the caller's transaction when `lock`. */
export async function contractById(em: EntityManager, id: number, lock = false): Promise<ContractRow> {
  const [row]: Record<string, unknown>[] = await em.query(
    `SELECT ${CONTRACT_COLUMNS} FROM contracts c WHERE c.id = ?${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!row) throw new NotFoundException('Contract', id);
  return toContractRow(row);
}

/** The contract's document as written; the lists never read it, it runs to pages. */
export async function contractBody(em: EntityManager, id: number): Promise<string> {
  const [row]: { body_html: string }[] = await em.query('SELECT body_html FROM contracts WHERE id = ?', [id]);
  if (!row) throw new NotFoundException('Contract', id);
  return row.body_html;
}

export interface SigningRequestRow {
  id: number;
  contractId: number;
  contactId: number | null;
  email: string;
  state: SigningRequestState;
  expiresAt: Date;
  emailsSent: number;
  remindersSent: number;
  createdByUserId: number | null;
  createdAt: Date;
  closedAt: Date | null;
}

export const REQUEST_COLUMNS = `r.id, r.contract_id, r.contact_id, r.email, r.state, r.expires_at, r.emails_sent, r.reminders_sent,
  r.created_by_user_id, r.created_at, r.closed_at`;

export function toRequestRow(r: Record<string, unknown>): SigningRequestRow {
  return {
    id: Number(r.id),
    contractId: Number(r.contract_id),
    contactId: idOrNull(r.contact_id),
    email: r.email as string,
    state: r.state as SigningRequestState,
    expiresAt: r.expires_at as Date,
    emailsSent: Number(r.emails_sent),
    remindersSent: Number(r.reminders_sent),
    createdByUserId: idOrNull(r.created_by_user_id),
    createdAt: r.created_at as Date,
    closedAt: (r.closed_at as Date | null) ?? null,
  };
}

export function toRequestDto(r: SigningRequestRow): SigningRequestDto {
  return {
    id: r.id,
    contactId: r.contactId,
    email: r.email,
    state: r.state,
    sentAt: r.createdAt,
    expiresAt: r.expiresAt,
    emailsSent: r.emailsSent,
    remindersSent: r.remindersSent,
    closedAt: r.closedAt,
    workflowId: workflowIds.contractSigning(r.id),
  };
}

/** The open signing request of each contract, if any. */
export async function openRequestsOf(em: EntityManager, contractIds: number[], lock = false): Promise<Map<number, SigningRequestRow>> {
  if (!contractIds.length) return new Map();
  const rows: Record<string, unknown>[] = await em.query(
    `SELECT ${REQUEST_COLUMNS} FROM contract_signing_requests r WHERE r.open_contract_id IN (?)${lock ? ' FOR UPDATE' : ''}`,
    [contractIds],
  );
  return new Map(rows.map((r) => [Number(r.contract_id), toRequestRow(r)]));
}

export function toContractResponse(c: ContractRow, openRequest: SigningRequestRow | null): ContractResponseDto {
  return {
    id: c.id,
    accountId: c.accountId,
    templateId: c.templateId,
    name: c.name,
    state: c.state,
    termMonths: c.termMonths,
    signedBy: c.signerName,
    createdAt: c.createdAt,
    sentAt: c.sentAt,
    viewedAt: c.viewedAt,
    signedAt: c.signedAt,
    expiresOn: c.expiresOn,
    signingMethod: c.signingMethod,
    declinedAt: c.declinedAt,
    declineReason: c.declineReason,
    documentSha256: c.documentSha256,
    signedPdfSha256: c.signedPdfSha256,
    openRequest: openRequest ? toRequestDto(openRequest) : null,
  };
}

export function toContractDetail(
  c: ContractRow,
  bodyHtml: string,
  openRequest: SigningRequestRow | null,
  requests: SigningRequestRow[],
): ContractDetailDto {
  return {
    ...toContractResponse(c, openRequest),
    bodyHtml,
    signerEmail: c.signerEmail,
    signerAddress: c.signerAddress,
    signerUserAgent: c.signerUserAgent,
    requests: requests.map(toRequestDto),
  };
}

/** The audit payload of a contract: what a clerk reads in the log, never the document or the signature. */
export function contractAuditState(c: ContractRow): Record<string, unknown> {
  return {
    name: c.name,
    state: c.state,
    templateId: c.templateId,
    documentSha256: c.documentSha256,
    signedBy: c.signerName,
    signingMethod: c.signingMethod,
    expiresOn: c.expiresOn,
  };
}
