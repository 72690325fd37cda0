import { Injectable, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AccountLockService } from '../accounts/account-lock.service';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { addMonths } from '../billing/billing-calendar';
import { BillingDocumentsService } from '../billing/billing-documents.service';
import { Clock } from '../common/clock';
import { BadInputException, ConflictException, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { transactionWithRetry } from '../database/transaction';
import { DocumentRenderer } from '../documents/document-renderer';
import type { SigningMethod } from '../documents/document-types';
import { contentDisposition } from '../files/content-disposition';
import { renderContractHtml } from './contract-merge-fields';
import {
  CONTRACT_COLUMNS,
  contractAuditState,
  contractBody,
  contractById,
  ContractRow,
  openRequestsOf,
  REQUEST_COLUMNS,
  toContractDetail,
  toContractResponse,
  toContractRow,
  toRequestRow,
} from './contract-rows';
import { ContractSigningProcess } from './contract-signing-process';
import { ContractTemplatesService } from './contract-templates.service';
import { ContractValuesService } from './contract-values.service';
import { ContractsErrorCode } from './contracts.error-codes';
import {
  ContractDetailDto,
  ContractFilterDto,
  ContractResponseDto,
  ContractSortField,
  ContractVerificationDto,
  CreateContractDto,
  SignInPersonDto,
  UpdateContractDto,
} from './dto/contract.dto';
import { checkPdfSignature, isIntact, sameCertificate, signPdf } from './pdf-signature';
import { signatureImage } from './signature-image';
import { SigningIdentityService } from './signing-identity';

const ENTITY_TYPE = 'contract';
const SORT_COLUMNS: Record<ContractSortField, string> = {
  createdAt: 'c.created_at',
  signedAt: 'c.signed_at',
  expiresOn: 'c.expires_on',
  name: 'c.name',
};
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Who signed and how, as the signing record and the certificate page keep it. */
export interface Signing {
  name: string;
  email: string | null;
  signaturePng: Buffer;
  clientAddress: string | null;
  userAgent: string | null;
  method: SigningMethod;
  signedAt: Date;
}

/**
 * Contracts on an account: written from a template and kept as written, edited or deleted while
 * unsigned, and signed once, after which the signed PDF is all there is to do with them.
 */
@Injectable()
export class ContractsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: AccountLockService,
    private readonly audit: AuditService,
    private readonly templates: ContractTemplatesService,
    private readonly values: ContractValuesService,
    private readonly renderer: DocumentRenderer,
    private readonly documents: BillingDocumentsService,
    private readonly identity: SigningIdentityService,
    private readonly process: ContractSigningProcess,
    private readonly clock: Clock,
  ) {}

  async list(query: ListQuery<ContractFilterDto, ContractSortField>): Promise<ListResult<ContractResponseDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const { accountId, state, signed, id } = query.filter;
    const add = (condition: string, ...values: unknown[]) => {
      where.push(condition);
      params.push(...values);
    };
    if (accountId) add('c.account_id = ?', accountId);
    if (state) add('c.state = ?', state);
    if (signed !== undefined) add(signed ? 'c.signed_at IS NOT NULL' : 'c.signed_at IS NULL');
    if (id?.length) add('c.id IN (?)', id);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${CONTRACT_COLUMNS} FROM contracts c ${clause}
        ORDER BY ${SORT_COLUMNS[query.sort.field]} ${query.sort.order}, c.id ${query.sort.order} LIMIT ? OFFSET ?`,
      [...params, query.limit, query.offset],
    );
    const [count]: { n: number }[] = await this.db.query(`SELECT COUNT(*) AS n FROM contracts c ${clause}`, params);
    const contracts = rows.map(toContractRow);
    const open = await openRequestsOf(
      this.db.manager,
      contracts.map((c) => c.id),
    );
    return new ListResult(
      'contracts',
      contracts.map((c) => toContractResponse(c, open.get(c.id) ?? null)),
      Number(count.n),
      query.offset,
    );
  }

  async get(id: number, em: EntityManager = this.db.manager): Promise<ContractDetailDto> {
    const contract = await contractById(em, id);
    const bodyHtml = await contractBody(em, id);
    const requests: Record<string, unknown>[] = await em.query(
      `SELECT ${REQUEST_COLUMNS} FROM contract_signing_requests r WHERE r.contract_id = ? ORDER BY r.id`,
      [id],
    );
    const rows = requests.map(toRequestRow);
    return toContractDetail(contract, bodyHtml, rows.find((r) => r.state === 'open') ?? null, rows);
  }

  async create(user: AuthenticatedUser, dto: CreateContractDto): Promise<ContractDetailDto> {
    return transactionWithRetry(this.db, async (em) => {
      await this.accounts.lock(em, dto.accountId);
      const template = await this.enabledTemplate(em, dto.templateId);
      const html = await this.render(em, dto.accountId, template);
      const insert: { insertId: number } = await em.query(
        `INSERT INTO contracts (account_id, template_id, name, term_months, body_html, document_sha256, created_by_user_id)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [dto.accountId, template.id, template.name, template.termMonths, html, sha256(html), user.id],
      );
      const after = await contractById(em, Number(insert.insertId));
      await this.audit.recordAction(em, {
        action: 'create',
        entityType: ENTITY_TYPE,
        entityId: after.id,
        accountId: after.accountId,
        after: contractAuditState(after),
      });
      return this.get(after.id, em);
    });
  }

  /** Writes the document again from its template as it reads now (or another template), for the account as it stands now. */
  async update(id: number, dto: UpdateContractDto): Promise<ContractDetailDto> {
    return transactionWithRetry(this.db, async (em) => {
      const found = await contractById(em, id);
      if (dto.accountId !== undefined && dto.accountId !== found.accountId) {
        throw new BadInputException([{ field: 'accountId', rule: 'immutable', message: 'a contract cannot be moved to another account' }]);
      }
      await this.accounts.lock(em, found.accountId);
      const before = await this.unsignedLocked(em, id, 'edited');
      const open = (await openRequestsOf(em, [id])).get(id);
      if (open) {
        throw new ConflictException(
          ContractsErrorCode.ContractState,
          `Contract ${id} is out for signature to ${open.email}; cancel that request before changing the document`,
        );
      }
      const template = await this.enabledTemplate(em, dto.templateId ?? before.templateId);
      const html = await this.render(em, before.accountId, template);
      await em.query(
        `UPDATE contracts SET template_id = ?, name = ?, term_months = ?, body_html = ?, document_sha256 = ?, state = 'draft',
                sent_at = NULL, viewed_at = NULL, declined_at = NULL, decline_reason = NULL WHERE id = ?`,
        [template.id, template.name, template.termMonths, html, sha256(html), id],
      );
      const after = await contractById(em, id);
      await this.audit.recordAction(em, {
        action: 'update',
        entityType: ENTITY_TYPE,
        entityId: id,
        accountId: after.accountId,
        before: contractAuditState(before),
        after: contractAuditState(after),
      });
      return this.get(id, em);
    });
  }

  async delete(id: number): Promise<ContractResponseDto> {
    const { response, closedRequest } = await transactionWithRetry(this.db, async (em) => {
      const found = await contractById(em, id);
      await this.accounts.lock(em, found.accountId);
      const before = await this.unsignedLocked(em, id, 'deleted');
      const open = (await openRequestsOf(em, [id], true)).get(id) ?? null;
      await em.query(
        'DELETE l FROM contract_signing_links l JOIN contract_signing_requests r ON r.id = l.request_id WHERE r.contract_id = ?',
        [id],
      );
      await em.query('DELETE FROM contract_signing_requests WHERE contract_id = ?', [id]);
      await em.query('DELETE FROM contracts WHERE id = ?', [id]);
      await this.audit.recordAction(em, {
        action: 'delete',
        entityType: ENTITY_TYPE,
        entityId: id,
        accountId: before.accountId,
        before: contractAuditState(before),
      });
      return { response: toContractResponse(before, open), closedRequest: open?.id ?? null };
    });
    if (closedRequest !== null) await this.process.closed(closedRequest, 'cancelled');
    return response;
  }

  /** The subscriber signs on the clerk's screen. */
  async signInPerson(
    id: number,
    dto: SignInPersonDto,
    client: { address: string | null; userAgent: string | null },
  ): Promise<ContractDetailDto> {
    const signaturePng = await signatureImage(dto.signature);
    const signing: Signing = {
      name: dto.name,
      email: dto.email?.trim() || null,
      signaturePng,
      clientAddress: client.address,
      userAgent: client.userAgent,
      method: 'in_person',
      signedAt: this.clock.now(),
    };
    const { closedRequest } = await transactionWithRetry(this.db, async (em) => {
      const found = await contractById(em, id);
      await this.accounts.lock(em, found.accountId);
      return this.signLocked(em, id, signing, null);
    });
    if (closedRequest !== null) await this.process.closed(closedRequest, 'signed');
    return this.get(id);
  }

  /**
   * Signs a contract inside the caller's transaction, which holds the account's lock: renders the
   * PDF with its certificate page, signs it with the instance's certificate, and writes the signing
   * record and the PDF. The contract row is locked and its state checked here, so of two
   * signatures at once the second finds it signed and is refused. A request still open is closed
   * with it; its id comes back, for the caller to tell its workflow once this commits.
   */
  async signLocked(
    em: EntityManager,
    id: number,
    signing: Signing,
    viaRequestId: number | null,
  ): Promise<{ contract: ContractRow; closedRequest: number | null }> {
    const before = await this.unsignedLocked(em, id, 'signed');
    const bodyHtml = await contractBody(em, id);
    const signedOn = signing.signedAt.toISOString().slice(0, 10);
    const expiresOn = before.termMonths === null ? null : addMonths(signedOn, before.termMonths);
    const unsigned = await this.renderer.contract({
      company: this.documents.company(),
      account: await this.documents.account(before.accountId),
      contract: { id, name: before.name, html: bodyHtml, documentSha256: before.documentSha256, expiresOn },
      signing: {
        name: signing.name,
        email: signing.email,
        signedAt: signing.signedAt.toISOString(),
        clientAddress: signing.clientAddress,
        userAgent: signing.userAgent,
        method: signing.method,
        signaturePng: signing.signaturePng,
      },
    });
    const pdf = await signPdf(unsigned, await this.identity.identity(), {
      reason: `Contract ${id} signed by ${signing.name}`,
      name: signing.name,
      location: signing.method === 'in_person' ? 'In person' : 'Signing link',
      contactInfo: signing.email ?? '',
    });
    const result: { affectedRows: number } = await em.query(
      `UPDATE contracts SET state = 'signed', signed_at = ?, signer_name = ?, signer_email = ?, signer_address = ?, signer_user_agent = ?,
              signing_method = ?, signing_request_id = ?, signature_png = ?, expires_on = ?
        WHERE id = ? AND signed_at IS NULL`,
      [
        signing.signedAt,
        signing.name,
        signing.email,
        signing.clientAddress?.slice(0, 45) ?? null,
        signing.userAgent?.slice(0, 500) ?? null,
        signing.method,
        viaRequestId,
        signing.signaturePng,
        expiresOn,
        id,
      ],
    );
    if (result.affectedRows !== 1) throw new ConflictException(ContractsErrorCode.ContractSigned, `Contract ${id} is signed already`);
    await em.query('INSERT INTO contract_documents (contract_id, pdf, pdf_sha256, size_bytes) VALUES (?, ?, ?, ?)', [
      id,
      pdf,
      sha256(pdf),
      pdf.length,
    ]);
    const open = (await openRequestsOf(em, [id], true)).get(id) ?? null;
    if (open) {
      await em.query(`UPDATE contract_signing_requests SET state = 'signed', closed_at = ? WHERE id = ?`, [signing.signedAt, open.id]);
    }
    const after = await contractById(em, id);
    await this.audit.recordAction(em, {
      action: 'contract.sign',
      entityType: ENTITY_TYPE,
      entityId: id,
      accountId: after.accountId,
      before: contractAuditState(before),
      after: { ...contractAuditState(after), signedPdfSha256: after.signedPdfSha256 },
    });
    return { contract: after, closedRequest: open?.id ?? null };
  }

  async signature(id: number): Promise<StreamableFile> {
    const [row]: { signature_png: Buffer | null }[] = await this.db.query('SELECT signature_png FROM contracts WHERE id = ?', [id]);
    if (!row) throw new NotFoundException('Contract', id);
    if (!row.signature_png) throw new NotFoundException('Signature of contract', id);
    return new StreamableFile(row.signature_png, { type: 'image/png', length: row.signature_png.length });
  }

  async download(id: number): Promise<StreamableFile> {
    const contract = await contractById(this.db.manager, id);
    const [row]: { pdf: Buffer }[] = await this.db.query('SELECT pdf FROM contract_documents WHERE contract_id = ?', [id]);
    if (!row) throw new NotFoundException('Signed PDF of contract', id);
    const name = `contract-${id}-${contract.name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'signed'}.pdf`;
    return new StreamableFile(row.pdf, {
      type: 'application/pdf',
      length: row.pdf.length,
      disposition: contentDisposition('attachment', name),
    });
  }

  /**
   * Which contract a PDF is and whether it is intact: its signature checked against its own bytes
   * and our certificate, and the file compared with the copy kept when it was signed.
   */
  async verify(pdf: Buffer): Promise<ContractVerificationDto> {
    const check = checkPdfSignature(pdf);
    const ours = check.certificatePem !== null && sameCertificate(check.certificatePem, (await this.identity.identity()).certificatePem);
    const [kept]: { contract_id: number }[] = await this.db.query('SELECT contract_id FROM contract_documents WHERE pdf_sha256 = ?', [
      sha256(pdf),
    ]);
    // An altered copy is not found by its hash; the contract it claims to be is in its signature's reason.
    const claimed = /Contract (\d+) signed by/.exec(pdf.toString('latin1'));
    const contractId = kept ? Number(kept.contract_id) : claimed ? Number(claimed[1]) : null;
    const [row]: Record<string, unknown>[] =
      contractId === null ? [] : await this.db.query(`SELECT ${CONTRACT_COLUMNS} FROM contracts c WHERE c.id = ?`, [contractId]);
    const contract = row ? toContractRow(row) : null;
    const intact = isIntact(check) && ours;
    let problem = check.problem;
    if (!problem && !ours) problem = 'The file was signed with a certificate that is not this instance’s';
    if (!problem && !kept) problem = 'The signature holds, but the file is not the copy kept for any contract';
    return {
      signedByUs: ours,
      intact,
      contractId: contract?.id ?? null,
      accountId: contract?.accountId ?? null,
      signedBy: contract?.signerName ?? null,
      signedAt: contract?.signedAt ?? null,
      matchesKeptCopy: Boolean(kept),
      problem,
    };
  }

  /** The contract, locked, refused with 409 once signed: nothing but the download is left to do with it. */
  async unsignedLocked(em: EntityManager, id: number, verb: string): Promise<ContractRow> {
    const contract = await contractById(em, id, true);
    if (contract.state === 'signed' || contract.signedAt !== null) {
      throw new ConflictException(
        ContractsErrorCode.ContractSigned,
        `Contract ${id} was signed by ${contract.signerName} and cannot be ${verb}; it can only be downloaded`,
      );
    }
    return contract;
  }

  private async enabledTemplate(em: EntityManager, templateId: number) {
    const template = await this.templates.get(templateId, em).catch((err) => {
      if (err instanceof NotFoundException) {
        throw new BadInputException([{ field: 'templateId', rule: 'exists', message: `contract template ${templateId} does not exist` }]);
      }
      throw err;
    });
    if (!template.enabled) {
      throw new ConflictException(ContractsErrorCode.TemplateDisabled, `Contract template '${template.name}' is disabled`, [
        { field: 'templateId', rule: 'enabled', message: `template ${templateId} is disabled` },
      ]);
    }
    return template;
  }

  private async render(em: EntityManager, accountId: number, template: { bodyHtml: string; name: string; termMonths: number | null }) {
    const values = await this.values.values(em, accountId, { name: template.name, termMonths: template.termMonths });
    return renderContractHtml(template.bodyHtml, values);
  }
}
