import { apiPath, sendJson } from '../../billing/api';
import { httpClient } from '../../dataProvider';
import type { CallLog, CallLogTicketRequest, TicketRequestKind } from '../types';

export interface CallLogInput {
  subject: string;
  durationSeconds: number;
  /** Now when left out. */
  calledAt?: string;
  attendantUserId?: number;
  notes: string | null;
}

/** The list's resource for the data provider: GET /api/accounts/:id/call-logs in simple-REST. */
export const callLogsResource = (accountId: number | string): string => `accounts/${accountId}/call-logs`;

export const createCallLog = (accountId: number | string, input: CallLogInput): Promise<CallLog> =>
  sendJson<CallLog>('POST', apiPath`/accounts/${accountId}/call-logs`, input);

/** PATCH: only the fields given change. */
export const updateCallLog = async (id: number, input: Partial<CallLogInput>): Promise<CallLog> =>
  (
    await httpClient(apiPath`/call-logs/${id}`, {
      method: 'PATCH',
      headers: new Headers({ 'Content-Type': 'application/json' }),
      body: JSON.stringify(input),
    })
  ).json as CallLog;

export const deleteCallLog = (id: number): Promise<CallLog> => sendJson<CallLog>('DELETE', apiPath`/call-logs/${id}`);

export const requestTicket = (
  callLogId: number,
  input: { kind: TicketRequestKind; subject: string; description: string | null; assigneeUserId?: number },
): Promise<CallLogTicketRequest> => sendJson<CallLogTicketRequest>('POST', apiPath`/call-logs/${callLogId}/ticket-requests`, input);
