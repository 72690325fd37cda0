import { AsyncLocalStorage } from 'node:async_hooks';

export interface Actor {
  userId: number;
  email: string;
}

export interface RequestContext {
  requestId: string;
  actor?: Actor;
  ip?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Per-request facts (who, which request) that the audit trail needs deep inside services. */
export const requestContext = {
  run<T>(context: RequestContext, fn: () => T): T {
    return storage.run(context, fn);
  },
  current(): RequestContext | undefined {
    return storage.getStore();
  },
  setActor(actor: Actor): void {
    const store = storage.getStore();
    if (store) store.actor = actor;
  },
};
