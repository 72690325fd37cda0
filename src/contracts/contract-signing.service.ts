import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AccountLockService } from '../accounts/account-lock.service';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Clock } from '../common/clock';
import { durationSeconds } from '../common/durations';
import { BadInputException, ConflictException, DomainException } from '../common/errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { transactionWithRetry } from '../database/transaction';
import { isEmailAddress } from '../email/email-address';
import { EmailService } from '../email/email.service';
import { AccountTasksService } from '../notes/account-tasks.service';
import {
  contractAuditState,
  contractBody,
  contractById,
  openRequestsOf,
  REQUEST_COLUMNS,
  SigningRequestRow,
  toRequestRow,
} from './contract-rows';
import { ContractSigningProcess } from './contract-signing-process';
import { ContractsErrorCode } from './contracts.error-codes';
import { ContractsService } from './contracts.service';
import type { ContractDetailDto } from './dto/contract.dto';
import type { PublicContractDto, PublicDeclineDto, PublicSignDto, SendForSignatureDto } from './dto/contract-signing.dto';
import { signatureImage } from './signature-image';
import type { SigningRequestStatus } from '../../workflows/shared';

const ENTITY_TYPE = 'contract';
/** 32 random bytes: a link nobody guesses. */
const TOKEN_BYTES = 32;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The same answer for a link that never existed, expired, was used or was withdrawn, so a guess learns nothing. */
const invalidLink = () =>
  new DomainException(ContractsErrorCode.SigningLinkInvalid, 'This signing link is not valid: it may have expired or been withdrawn.');

export type SigningEmailKind = 'request' | 'reminder' | 'resend';

/**
 * Signing by a link: a request to one of the account's contacts, its emails (each with a link of
 * its own, kept only as a hash), and the public side: viewing, signing and declining with the link.
 */
@Injectable()
export class ContractSigningService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: AccountLockService,
    private readonly audit: AuditService,
    private readonly contracts: ContractsService,
    private readonly email: EmailService,
    private readonly tasks: AccountTasksService,
    private readonly process: ContractSigningProcess,
    private readonly clock: Clock,
  ) {}

  /** Opens a request and starts its workflow, which sends the email; should Temporal not take it, the request is withdrawn again. */
  async send(user: AuthenticatedUser, contractId: number, dto: SendForSignatureDto): Promise<ContractDetailDto> {
    const expiresAt = this.expiresFromNow();
    const { request, contract } = await transactionWithRetry(this.db, async (em) => {
      const found = await contractById(em, contractId);
      await this.accounts.lock(em, found.accountId);
      const before = await this.contracts.unsignedLocked(em, contractId, 'sent');
      if ((await openRequestsOf(em, [contractId])).size) {
        throw new ConflictException(
          ContractsErrorCode.ContractState,
          `Contract ${contractId} is out for signature already; re-send or cancel that request`,
        );
      }
      const [contact]: { id: number; account_id: number; email: string | null }[] = await em.query(
        'SELECT id, account_id, email FROM contacts WHERE id = ?',
        [dto.contactId],
      );
      if (!contact || Number(contact.account_id) !== before.accountId) {
        throw new BadInputException([
          { field: 'contactId', rule: 'sameAccount', message: `contact ${dto.contactId} is not a contact of account ${before.accountId}` },
        ]);
      }
      if (!contact.email || !isEmailAddress(contact.email)) {
        throw new BadInputException([{ field: 'contactId', rule: 'hasEmail', message: `contact ${dto.contactId} has no email address` }]);
      }
      const insert: { insertId: number } = await em.query(
        `INSERT INTO contract_signing_requests (contract_id, contact_id, email, expires_at, created_by_user_id) VALUES (?, ?, ?, ?, ?)`,
        [contractId, contact.id, contact.email, expiresAt, user.id],
      );
      await em.query(`UPDATE contracts SET state = 'sent', sent_at = CURRENT_TIMESTAMP(3), viewed_at = NULL WHERE id = ?`, [contractId]);
      const after = await contractById(em, contractId);
      const request = await this.requestById(em, Number(insert.insertId));
      await this.audit.recordAction(em, {
        action: 'contract.send',
        entityType: ENTITY_TYPE,
        entityId: contractId,
        accountId: after.accountId,
        before: contractAuditState(before),
        after: { ...contractAuditState(after), email: contact.email, requestId: request.id },
      });
      return { request, contract: after };
    });
    try {
      await this.process.start({
        requestId: request.id,
        contractId,
        contractName: contract.name,
        accountId: contract.accountId,
        email: request.email,
        sentAt: request.createdAt,
        expiresAt: request.expiresAt,
      });
    } catch (err) {
      await this.withdrawUnstarted(request.id, contractId);
      throw err;
    }
    return this.contracts.get(contractId);
  }

  /** A fresh email now with a new expiry, the reminders counted again from now. */
  async resend(contractId: number): Promise<ContractDetailDto> {
    const expiresAt = this.expiresFromNow();
    const request = await transactionWithRetry(this.db, async (em) => {
      const found = await contractById(em, contractId);
      await this.accounts.lock(em, found.accountId);
      await this.contracts.unsignedLocked(em, contractId, 're-sent');
      const open = (await openRequestsOf(em, [contractId], true)).get(contractId);
      if (!open)
        throw new ConflictException(ContractsErrorCode.ContractState, `Contract ${contractId} has no signing request open to re-send`);
      await em.query('UPDATE contract_signing_requests SET expires_at = ? WHERE id = ?', [expiresAt, open.id]);
      await this.audit.recordAction(em, {
        action: 'contract.resend',
        entityType: ENTITY_TYPE,
        entityId: contractId,
        accountId: found.accountId,
        after: { name: found.name, email: open.email, requestId: open.id, expiresAt: expiresAt.toISOString() },
      });
      return open;
    });
    await this.process.resend(request.id, expiresAt);
    return this.contracts.get(contractId);
  }

  async cancel(contractId: number): Promise<ContractDetailDto> {
    const request = await transactionWithRetry(this.db, async (em) => {
      const found = await contractById(em, contractId);
      await this.accounts.lock(em, found.accountId);
      const before = await this.contracts.unsignedLocked(em, contractId, 'cancelled');
      const open = (await openRequestsOf(em, [contractId], true)).get(contractId);
      if (!open)
        throw new ConflictException(ContractsErrorCode.ContractState, `Contract ${contractId} has no signing request open to cancel`);
      await em.query(`UPDATE contract_signing_requests SET state = 'cancelled', closed_at = CURRENT_TIMESTAMP(3) WHERE id = ?`, [open.id]);
      await em.query(`UPDATE contracts SET state = 'cancelled' WHERE id = ?`, [contractId]);
      const after = await contractById(em, contractId);
      await this.audit.recordAction(em, {
        action: 'contract.cancel',
        entityType: ENTITY_TYPE,
        entityId: contractId,
        accountId: found.accountId,
        before: contractAuditState(before),
        after: { ...contractAuditState(after), email: open.email, requestId: open.id },
      });
      return open;
    });
    await this.process.closed(request.id, 'cancelled');
    return this.contracts.get(contractId);
  }

  /** The public page opens: the document, marked viewed the first time. */
  async view(token: string): Promise<PublicContractDto> {
    const hash = tokenHash(token);
    const found = await this.requestByTokenHash(this.db.manager, hash);
    if (!found) throw invalidLink();
    const contract = await contractById(this.db.manager, found.contractId);
    if (found.state === 'signed' && contract.signedAt) {
      return {
        state: 'signed',
        companyName: this.config.COMPANY_NAME,
        contractName: contract.name,
        html: null,
        expiresAt: null,
        signedAt: contract.signedAt,
        signedBy: contract.signerName,
      };
    }
    if (!this.isUsable(found)) throw invalidLink();
    if (contract.viewedAt === null) {
      await transactionWithRetry(this.db, async (em) => {
        await this.accounts.lock(em, contract.accountId);
        const result: { affectedRows: number } = await em.query(
          `UPDATE contracts SET viewed_at = CURRENT_TIMESTAMP(3), state = IF(state = 'sent', 'viewed', state) WHERE id = ? AND viewed_at IS NULL`,
          [contract.id],
        );
        if (result.affectedRows === 1) {
          await this.audit.recordAction(em, {
            action: 'contract.view',
            entityType: ENTITY_TYPE,
            entityId: contract.id,
            accountId: contract.accountId,
            after: { name: contract.name, email: found.email, requestId: found.id },
          });
        }
      });
    }
    const bodyHtml = await contractBody(this.db.manager, contract.id);
    return {
      state: 'open',
      companyName: this.config.COMPANY_NAME,
      contractName: contract.name,
      html: bodyHtml,
      expiresAt: found.expiresAt,
      signedAt: null,
      signedBy: null,
    };
  }

  /** The signer signs on the public page; a link works for one signature. */
  async sign(dto: PublicSignDto, client: { address: string | null; userAgent: string | null }): Promise<PublicContractDto> {
    const signaturePng = await signatureImage(dto.signature);
    const hash = tokenHash(dto.token);
    const signedAt = this.clock.now();
    const { contract, closedRequest } = await transactionWithRetry(this.db, async (em) => {
      const request = await this.usableRequestLocked(em, hash);
      return this.contracts.signLocked(
        em,
        request.contractId,
        {
          name: dto.name,
          email: request.email,
          signaturePng,
          clientAddress: client.address,
          userAgent: client.userAgent,
          method: 'link',
          signedAt,
        },
        request.id,
      );
    });
    if (closedRequest !== null) await this.process.closed(closedRequest, 'signed');
    return {
      state: 'signed',
      companyName: this.config.COMPANY_NAME,
      contractName: contract.name,
      html: null,
      expiresAt: null,
      signedAt: contract.signedAt,
      signedBy: contract.signerName,
    };
  }

  async decline(dto: PublicDeclineDto): Promise<void> {
    const hash = tokenHash(dto.token);
    const request = await transactionWithRetry(this.db, async (em) => {
      const open = await this.usableRequestLocked(em, hash);
      const before = await this.contracts.unsignedLocked(em, open.contractId, 'declined');
      await em.query(`UPDATE contract_signing_requests SET state = 'declined', closed_at = CURRENT_TIMESTAMP(3) WHERE id = ?`, [open.id]);
      await em.query(`UPDATE contracts SET state = 'declined', declined_at = CURRENT_TIMESTAMP(3), decline_reason = ? WHERE id = ?`, [
        dto.reason || null,
        open.contractId,
      ]);
      const after = await contractById(em, open.contractId);
      await this.audit.recordAction(em, {
        action: 'contract.decline',
        entityType: ENTITY_TYPE,
        entityId: open.contractId,
        accountId: after.accountId,
        before: contractAuditState(before),
        after: { ...contractAuditState(after), email: open.email, reason: dto.reason || null },
      });
      return open;
    });
    await this.process.closed(request.id, 'declined');
  }

  // --- what the signing workflow's activities do -------------------------------------------

  /**
   * Email number `emailNumber` of a request, with a link of its own, if the request is still open
   * and that email was not sent yet: an activity run again after its answer was lost sends nothing.
   */
  async sendEmail(requestId: number, emailNumber: number, kind: SigningEmailKind): Promise<SigningRequestStatus> {
    const { status, emailIds } = await transactionWithRetry(this.db, async (em) => {
      const request = await this.lockedForWork(em, requestId);
      if (request.state !== 'open' || request.emailsSent >= emailNumber) return { status: this.status(request), emailIds: [] };
      const contract = await contractById(em, request.contractId);
      const token = randomBytes(TOKEN_BYTES).toString('base64url');
      await em.query('INSERT INTO contract_signing_links (token_sha256, request_id) VALUES (?, ?)', [tokenHash(token), requestId]);
      const [contact]: { name: string }[] = request.contactId
        ? await em.query('SELECT name FROM contacts WHERE id = ?', [request.contactId])
        : [];
      const [template]: { message_category_id: number | null }[] = await em.query(
        'SELECT message_category_id FROM contract_templates WHERE id = ?',
        [contract.templateId],
      );
      const message = this.message(kind, {
        contactName: contact?.name ?? null,
        contractName: contract.name,
        contractId: contract.id,
        token,
        expiresAt: request.expiresAt,
      });
      const emailIds = await this.email.queueLocked(em, [
        {
          accountId: contract.accountId,
          contactId: request.contactId,
          to: request.email,
          subject: message.subject,
          text: message.text,
          categoryId: template?.message_category_id ?? null,
          related: { type: 'contract', id: contract.id },
          dedupeKey: `contract-signing/${requestId}/${emailNumber}`,
        },
      ]);
      await em.query(`UPDATE contract_signing_requests SET emails_sent = ?, reminders_sent = reminders_sent + ? WHERE id = ?`, [
        emailNumber,
        kind === 'reminder' ? 1 : 0,
        requestId,
      ]);
      return { status: { ...this.status(request), emailsSent: emailNumber }, emailIds };
    });
    if (emailIds.length) await this.email.startDeliveryLogged(emailIds);
    return status;
  }

  /** Closes a request whose time is up, and tells the clerk who sent it by a task on the account. */
  async expire(requestId: number): Promise<SigningRequestStatus> {
    return transactionWithRetry(this.db, async (em) => {
      const request = await this.lockedForWork(em, requestId);
      if (request.state !== 'open' || request.expiresAt.getTime() > this.clock.now().getTime()) return this.status(request);
      const before = await contractById(em, request.contractId, true);
      await em.query(`UPDATE contract_signing_requests SET state = 'expired', closed_at = CURRENT_TIMESTAMP(3) WHERE id = ?`, [requestId]);
      if (before.signedAt === null) await em.query(`UPDATE contracts SET state = 'expired' WHERE id = ?`, [before.id]);
      const after = await contractById(em, before.id);
      const clerk = request.createdByUserId ?? before.createdByUserId;
      if (clerk !== null) {
        await this.tasks.createLocked(em, clerk, {
          accountId: before.accountId,
          title: `Contract '${before.name}' was not signed`,
          description: `The signing request sent to ${request.email} expired unsigned. Send it again or have it signed in person.`,
          assignedUserId: request.createdByUserId,
        });
      }
      await this.audit.recordAction(em, {
        action: 'contract.expire_request',
        entityType: ENTITY_TYPE,
        entityId: before.id,
        accountId: before.accountId,
        before: contractAuditState(before),
        after: { ...contractAuditState(after), email: request.email, requestId },
      });
      return { ...this.status(request), state: 'expired' };
    });
  }

  async requestStatus(requestId: number): Promise<SigningRequestStatus> {
    return this.status(await this.requestById(this.db.manager, requestId));
  }

  // --- helpers ---------------------------------------------------------------------------------

  private message(
    kind: SigningEmailKind,
    m: { contactName: string | null; contractName: string; contractId: number; token: string; expiresAt: Date },
  ): { subject: string; text: string } {
    const company = this.config.COMPANY_NAME;
    const link = `${this.config.PUBLIC_BASE_URL.replace(/\/+$/, '')}/sign#${m.token}`;
    const until = m.expiresAt.toISOString().slice(0, 10);
    const opening =
      kind === 'reminder'
        ? `A reminder: "${m.contractName}" from ${company} is still waiting for your signature.`
        : `${company} has sent you "${m.contractName}" to read and sign.`;
    const text = [
      `Hello${m.contactName ? ` ${m.contactName}` : ''},`,
      '',
      opening,
      '',
      'Read and sign it here:',
      link,
      '',
      `The link is for you alone and works until ${until}. The page also lets you decline, with a reason.`,
      'Links in earlier emails about this agreement keep working until then too.',
      '',
      company,
    ].join('\n');
    const subject = kind === 'reminder' ? `Reminder: please sign "${m.contractName}"` : `Please sign "${m.contractName}"`;
    return { subject, text };
  }

  /** When a request sent (or sent again) now stops being open. */
  private expiresFromNow(): Date {
    return new Date(this.clock.now().getTime() + durationSeconds(this.config.CONTRACT_SIGNING_EXPIRES_AFTER) * 1000);
  }

  private status(request: SigningRequestRow): SigningRequestStatus {
    return { state: request.state, expiresAt: request.expiresAt.toISOString(), emailsSent: request.emailsSent };
  }

  private isUsable(request: SigningRequestRow): boolean {
    return request.state === 'open' && request.expiresAt.getTime() > this.clock.now().getTime();
  }

  private async requestById(em: EntityManager, id: number, lock = false): Promise<SigningRequestRow> {
    const [row]: Record<string, unknown>[] = await em.query(
      `SELECT ${REQUEST_COLUMNS} FROM contract_signing_requests r WHERE r.id = ?${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    if (!row) throw new DomainException(ContractsErrorCode.SigningLinkInvalid, `Signing request ${id} does not exist`);
    return toRequestRow(row);
  }

  private async requestByTokenHash(em: EntityManager, hash: string, lock = false): Promise<SigningRequestRow | null> {
    const [row]: Record<string, unknown>[] = await em.query(
      `SELECT ${REQUEST_COLUMNS} FROM contract_signing_links l JOIN contract_signing_requests r ON r.id = l.request_id
        WHERE l.token_sha256 = ?${lock ? ' FOR UPDATE' : ''}`,
      [hash],
    );
    return row ? toRequestRow(row) : null;
  }

  /** The request a link opens, locked in the order every writer takes (the account first), refused alike whatever is wrong with it. */
  private async usableRequestLocked(em: EntityManager, hash: string): Promise<SigningRequestRow> {
    const found = await this.requestByTokenHash(em, hash);
    if (!found) throw invalidLink();
    const contract = await contractById(em, found.contractId);
    await this.accounts.lock(em, contract.accountId);
    const request = await this.requestById(em, found.id, true);
    if (!this.isUsable(request)) throw invalidLink();
    return request;
  }

  /** A request locked for its workflow's step, after its account. */
  private async lockedForWork(em: EntityManager, requestId: number): Promise<SigningRequestRow> {
    const found = await this.requestById(em, requestId);
    const contract = await contractById(em, found.contractId);
    await this.accounts.lock(em, contract.accountId);
    return this.requestById(em, requestId, true);
  }

  /** Temporal did not take the workflow: the request is withdrawn, so nothing waits that no process watches. */
  private async withdrawUnstarted(requestId: number, contractId: number): Promise<void> {
    await transactionWithRetry(this.db, async (em) => {
      const contract = await contractById(em, contractId);
      await this.accounts.lock(em, contract.accountId);
      await em.query(
        `UPDATE contract_signing_requests SET state = 'cancelled', closed_at = CURRENT_TIMESTAMP(3) WHERE id = ? AND state = 'open'`,
        [requestId],
      );
      await em.query(`UPDATE contracts SET state = 'cancelled' WHERE id = ? AND signed_at IS NULL`, [contractId]);
    });
  }
}
