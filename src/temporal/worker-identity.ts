import { hostname } from 'node:os';

/**
 * How this process names itself to Temporal, and how the bill run records which
 * worker billed each batch: the same string in both, so a batch in the database
 * can be matched to the poller Temporal lists.
 */
export function workerIdentity(): string {
  return `${process.pid}@${hostname()}`;
}
