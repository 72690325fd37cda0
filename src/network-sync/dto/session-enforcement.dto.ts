import { ApiProperty } from '@nestjs/swagger';

export const RESTRICTION_REASONS = ['delinquency', 'cap'] as const;
export const REQUEST_KINDS = ['coa', 'disconnect'] as const;
export const REQUEST_PURPOSES = ['restrict', 'restore'] as const;
export const REQUEST_STATUSES = ['pending', 'acked', 'naked', 'failed'] as const;

export class SessionRestrictionDto {
  @ApiProperty({
    enum: RESTRICTION_REASONS,
    description: 'delinquency: the account’s status is a delinquency status; cap: its usage reached a cap that slows it',
  })
  reason: (typeof RESTRICTION_REASONS)[number];
  @ApiProperty({ example: 512, description: 'kbit/s' }) downloadKbps: number;
  @ApiProperty({ example: 256, description: 'kbit/s' }) uploadKbps: number;
}

export class AppliedSessionProfileDto {
  @ApiProperty({
    nullable: true,
    type: SessionRestrictionDto,
    description: 'The limit the RADIUS replies carry, or null: the data service’s speed',
  })
  restriction: SessionRestrictionDto | null;
  @ApiProperty({ type: String, format: 'date-time', description: 'Since when new sessions get it' }) since: string;
}

export class SessionEnforcementNasDto {
  @ApiProperty({ nullable: true, type: Number, description: 'Null once the NAS device was deleted' }) id: number | null;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ example: '192.0.2.1' }) address: string;
}

export class SessionEnforcementRequestDto {
  @ApiProperty() id: number;
  @ApiProperty({
    enum: REQUEST_KINDS,
    description: 'coa: a CoA-Request changing the session’s speed; disconnect: a Disconnect-Request ending it',
  })
  kind: (typeof REQUEST_KINDS)[number];
  @ApiProperty({ enum: REQUEST_PURPOSES }) purpose: (typeof REQUEST_PURPOSES)[number];
  @ApiProperty({ enum: RESTRICTION_REASONS, nullable: true, description: 'Why the session was limited; null for a restore' })
  reason: (typeof RESTRICTION_REASONS)[number] | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The speed the CoA gives the session, kbit/s; null for a Disconnect-Request' })
  downloadKbps: number | null;
  @ApiProperty({ nullable: true, type: Number }) uploadKbps: number | null;
  @ApiProperty({ example: 'alice' }) username: string;
  @ApiProperty({ example: '80000012', description: 'The session’s Acct-Session-Id' }) acctSessionId: string;
  @ApiProperty({ nullable: true, type: String, example: '100.64.0.10' }) framedAddress: string | null;
  @ApiProperty({ type: SessionEnforcementNasDto }) nas: SessionEnforcementNasDto;
  @ApiProperty({
    enum: REQUEST_STATUSES,
    description:
      'pending: not answered yet (sent again with backoff); acked; naked: the NAS refused (final); failed: given up (the session ended, superseded, or no answer for a day)',
  })
  status: (typeof REQUEST_STATUSES)[number];
  @ApiProperty({ description: 'Times the request was sent (a retransmission is the same packet)' }) attempts: number;
  @ApiProperty({ nullable: true, type: String, example: 'CoA-ACK' }) reply: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 503, description: 'Error-Cause of a NAK (RFC 5176)' }) errorCause: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'Session-Context-Not-Found' }) errorCauseText: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why a failed request was given up' }) failure: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) sentAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) answeredAt: string | null;
}

export class AccountSessionEnforcementDto {
  @ApiProperty() accountId: number;
  @ApiProperty({ nullable: true, type: SessionRestrictionDto, description: 'The limit the account is under now, or null' })
  restriction: SessionRestrictionDto | null;
  @ApiProperty({
    nullable: true,
    type: AppliedSessionProfileDto,
    description: 'What the last provisioning pass applied; null before the first',
  })
  applied: AppliedSessionProfileDto | null;
  @ApiProperty({ description: 'Sessions accounting reports open' }) openSessions: number;
  @ApiProperty({ type: [SessionEnforcementRequestDto], description: 'The latest requests, newest first, at most 20' })
  requests: SessionEnforcementRequestDto[];
}
