import type { Schemas } from '../dataProvider/apiClient';

export type VoiceService = Schemas['VoiceServiceResponseDto'];
export type DidHolding = Schemas['DidHoldingResponseDto'];
export type Did = Schemas['DidResponseDto'];
export type VoiceCall = Schemas['VoiceCallResponseDto'];
export type VoiceCallTotals = Schemas['VoiceCallTotalsDto'];

export const accountDidsResource = (accountId: number | string): string => `accounts/${accountId}/dids`;
export const accountCallsResource = (accountId: number | string): string => `accounts/${accountId}/voice-calls`;
