import { Injectable } from '@nestjs/common';
import { clientAddressKey } from '../auth/client-address';
import { Clock } from '../common/clock';
import { DomainException } from '../common/errors';
import { ContractsErrorCode } from './contracts.error-codes';

/** Requests to the public signing routes one client address may make in a window. */
const REQUESTS_PER_WINDOW = 30;
/** Links that turned out not to work, per address and window: guessing stops long before it could pay. */
const INVALID_LINKS_PER_WINDOW = 10;
const WINDOW_MS = 10 * 60_000;
/** Addresses remembered at most; the oldest windows are forgotten first. */
const MAX_ADDRESSES = 50_000;

class Throttled extends DomainException {
  constructor(private readonly retryAfterSeconds: number) {
    super(ContractsErrorCode.SigningThrottled, `Too many signing requests from this address; try again in ${retryAfterSeconds} s`);
  }

  override get headers(): Record<string, string> {
    return { 'Retry-After': String(this.retryAfterSeconds) };
  }
}

interface Window {
  startedAt: number;
  requests: number;
  invalid: number;
}

/**
 * Limits the public signing routes per client address (an IPv6 address by its /64): a signer
 * opens, signs or declines a handful of times; a client that tries many links is stopped. Kept in
 * this process's memory, which is what one API process needs; behind a load balancer each
 * process counts its own share.
 */
@Injectable()
export class PublicSigningThrottle {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly clock: Clock) {}

  /** Counts a request from the address, refusing it with 429 past the limits. */
  take(ip: string | undefined): void {
    const window = this.windowOf(clientAddressKey(ip));
    if (window.requests >= REQUESTS_PER_WINDOW || window.invalid >= INVALID_LINKS_PER_WINDOW) throw this.throttled(window);
    window.requests += 1;
  }

  /** Counts a link that did not work. */
  invalidLink(ip: string | undefined): void {
    this.windowOf(clientAddressKey(ip)).invalid += 1;
  }

  private windowOf(key: string): Window {
    const now = this.clock.now().getTime();
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= WINDOW_MS) {
      this.windows.delete(key);
      if (this.windows.size >= MAX_ADDRESSES) this.windows.delete(this.windows.keys().next().value as string);
      window = { startedAt: now, requests: 0, invalid: 0 };
      this.windows.set(key, window);
    }
    return window;
  }

  private throttled(window: Window): Throttled {
    const left = window.startedAt + WINDOW_MS - this.clock.now().getTime();
    return new Throttled(Math.max(1, Math.ceil(left / 1000)));
  }
}
