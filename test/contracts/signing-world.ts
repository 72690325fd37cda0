import type { Client } from '@temporalio/client';
import type { ParsedMail } from 'mailparser';
import { Permission } from '../../src/auth/permission';
import type { AppConfig } from '../../src/config/app-config';
import { TEMPORAL_CLIENT } from '../../src/temporal/temporal.tokens';
import { insertAccount } from '../notes/account-fixture';
import { writtenContract } from './contract-fixture';
import { SmtpPeer } from '../support/smtp-peer';
import { createTestApp, TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

export interface SigningWorld {
  sut: TestApp;
  peer: SmtpPeer;
  temporal: Client;
  clerk: { id: number; token: string };
  close: () => Promise<void>;
}

/**
 * An app whose signing timers run in seconds, a worker on its task queue and a real SMTP peer
 * that accepts every message: the signing emails arrive as a subscriber's mailbox would get them.
 */
export async function signingWorld(overrides: Partial<Record<keyof AppConfig, string>> = {}): Promise<SigningWorld> {
  const peer = await SmtpPeer.start();
  const sut = await createTestApp({
    SMTP_URL: peer.url,
    EMAIL_RETRY_INITIAL_SECONDS: '1',
    EMAIL_RETRY_MAX_INTERVAL_SECONDS: '2',
    SMTP_TIMEOUT_SECONDS: '5',
    PUBLIC_BASE_URL: 'https://billing.example.net',
    CONTRACT_SIGNING_REMINDERS: '4s,8s',
    CONTRACT_SIGNING_EXPIRES_AFTER: '14s',
    CONTRACT_SIGNING_CHECK_EVERY: '3s',
    ...overrides,
  });
  const { stop } = await startTestWorker(sut);
  const clerk = await sut.userWith([
    Permission.ContractsRead,
    Permission.ContractsManage,
    Permission.ContractsConfigure,
    Permission.CorrespondenceRead,
    Permission.AccountsRead,
  ]);
  return {
    sut,
    peer,
    temporal: sut.app.get<Client>(TEMPORAL_CLIENT),
    clerk,
    close: async () => {
      await stop();
      await sut.close();
      await peer.close();
    },
  };
}

export interface Sent {
  contractId: number;
  accountId: number;
  contactId: number;
  email: string;
  requestId: number;
  workflowId: string;
}

/** A contract on a new account, sent for signature to its contact. */
export async function sentContract(
  world: SigningWorld,
  email = `signer-${Math.random().toString(36).slice(2, 8)}@example.net`,
): Promise<Sent> {
  const { sut, clerk } = world;
  const accountId = await insertAccount(sut, 'Signer');
  const contact = await sut.db.query(`INSERT INTO contacts (account_id, name, email, is_primary) VALUES (?, 'Sam Signer', ?, 1)`, [
    accountId,
    email,
  ]);
  const contract = await writtenContract(sut, clerk.token, accountId, {
    name: 'Agreement',
    bodyHtml: '<h1>Agreement</h1><p>For {{account.name}}, {{contract.term}}.</p>',
    termMonths: 24,
  });
  const sent = await sut
    .http()
    .post(`/api/contracts/${contract.id}/send`)
    .auth(clerk.token, { type: 'bearer' })
    .send({ contactId: contact.insertId })
    .expect(200);
  expect(sent.body.state).toBe('sent');
  return {
    contractId: contract.id,
    accountId,
    contactId: Number(contact.insertId),
    email,
    requestId: sent.body.openRequest.id,
    workflowId: sent.body.openRequest.workflowId,
  };
}

/** The messages the peer accepted for one address, oldest first. */
export function mailTo(peer: SmtpPeer, address: string): ParsedMail[] {
  return peer.accepted.filter((m) => JSON.stringify(m.to ?? '').includes(address));
}

/** Waits until `count` messages reached the address. */
export async function waitForMail(peer: SmtpPeer, address: string, count: number, timeoutMs = 30_000): Promise<ParsedMail[]> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const mail = mailTo(peer, address);
    if (mail.length >= count) return mail;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${address} received ${mailTo(peer, address).length} messages, not ${count}, within ${timeoutMs} ms`);
}

/** The token of the signing link in a message. */
export function tokenIn(mail: ParsedMail): string {
  const match = /https:\/\/billing\.example\.net\/sign#([A-Za-z0-9_-]+)/.exec(mail.text ?? '');
  if (!match) throw new Error(`no signing link in: ${mail.text}`);
  return match[1];
}

export const publicCall = (sut: TestApp, action: 'view' | 'sign' | 'decline', body: object) =>
  sut.http().post(`/api/public/contract-signing/${action}`).set('User-Agent', 'Signer phone').send(body);
