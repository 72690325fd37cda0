/** What the public signing routes answer (src/contracts/dto/contract-signing.dto.ts). */
export interface PublicContract {
  state: 'open' | 'signed';
  companyName: string;
  contractName: string;
  html: string | null;
  expiresAt: string | null;
  signedAt: string | null;
  signedBy: string | null;
}

export class SigningError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: string[] = [],
  ) {
    super(message);
  }
}

/** The token travels in the body, never in a URL. */
async function call<T>(action: 'view' | 'sign' | 'decline', body: object): Promise<T> {
  const res = await fetch(`/api/public/contract-signing/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const json = await res.json().catch(() => ({}));
  if (!res.ok) {
    const fields = Array.isArray(json.details) ? json.details.map((d: { field: string }) => d.field) : [];
    throw new SigningError(res.status, json.message ?? `The request failed (${res.status})`, fields);
  }
  return json as T;
}

export const viewContract = (token: string) => call<PublicContract>('view', { token });
export const signContract = (token: string, name: string, signature: string) =>
  call<PublicContract>('sign', { token, name, signature, consent: true });
export const declineContract = (token: string, reason: string) => call<void>('decline', { token, reason });
