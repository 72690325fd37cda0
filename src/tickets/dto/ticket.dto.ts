import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsPositive,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date';
import { unlessNull } from '../../common/unless-null';
import {
  asList,
  IsMailbox,
  OmittableNotNull,
  TICKET_DESCRIPTION_MAX_LENGTH,
  TICKET_LINK_KINDS,
  TICKET_MESSAGE_KINDS,
  TICKET_PRIORITIES,
  TICKET_RECIPIENTS_MAX,
  TICKET_SOURCES,
  TICKET_STATUS_KINDS,
  TICKET_SUBJECT_MAX_LENGTH,
  TICKET_VISIBILITIES,
  TicketLinkKind,
  TicketMessageKind,
  TicketPriority,
  TicketSource,
  TicketStatusKind,
  TicketVisibility,
} from './ticket-fields';

/** A contact of the ticket's account, or a bare address: exactly one of the two. */
export class TicketRecipientInputDto {
  @ApiPropertyOptional({ description: "A contact of the ticket's account; its email address is used" })
  @IsOptional()
  @IsInt()
  @IsPositive()
  contactId?: number;

  @ApiPropertyOptional({ example: 'jane@example.org', description: 'Any address, when not a contact' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsOptional()
  @IsMailbox()
  address?: string;
}

const Recipients = () =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(TICKET_RECIPIENTS_MAX, { message: `recipients must hold at most ${TICKET_RECIPIENTS_MAX} entries` }),
    ValidateNested({ each: true }),
    Type(() => TicketRecipientInputDto),
  );

export class CreateTicketDto {
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Left out or null: a ticket on no account yet' })
  @unlessNull
  @IsInt()
  @IsPositive()
  accountId?: number | null;

  @ApiProperty({ example: 'No internet since the storm', maxLength: TICKET_SUBJECT_MAX_LENGTH })
  @IsString()
  @Matches(/\S/, { message: 'subject must not be blank' })
  @MaxLength(TICKET_SUBJECT_MAX_LENGTH)
  subject: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: TICKET_DESCRIPTION_MAX_LENGTH })
  @unlessNull
  @IsString()
  @MaxLength(TICKET_DESCRIPTION_MAX_LENGTH)
  description?: string | null;

  @ApiProperty({ enum: TICKET_VISIBILITIES, description: 'internal: staff only; public: the subscriber is told' })
  @IsIn(TICKET_VISIBILITIES, { message: `visibility must be one of ${TICKET_VISIBILITIES.join(', ')}` })
  visibility: TicketVisibility;

  @ApiPropertyOptional({ description: 'The default status when left out' }) @IsOptional() @IsInt() @IsPositive() statusId?: number;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, default: 'medium' })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES, { message: `priority must be one of ${TICKET_PRIORITIES.join(', ')}` })
  priority?: TicketPriority;

  @ApiPropertyOptional({ nullable: true, type: Number }) @unlessNull @IsInt() @IsPositive() groupId?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'An active staff user' })
  @unlessNull
  @IsInt()
  @IsPositive()
  assigneeUserId?: number | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '2026-12-04' }) @unlessNull @IsCalendarDate() dueDate?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Makes the new ticket a child of this one' })
  @unlessNull
  @IsInt()
  @IsPositive()
  parentTicketId?: number | null;

  @ApiPropertyOptional({
    type: [TicketRecipientInputDto],
    description: "Who receives public replies; the account's primary contact when left out on a public ticket",
  })
  @IsOptional()
  @Recipients()
  recipients?: TicketRecipientInputDto[];
}

/** Opening a ticket from the account page: the account comes from the path. */
export class CreateAccountTicketDto {
  @ApiProperty({ maxLength: TICKET_SUBJECT_MAX_LENGTH })
  @IsString()
  @Matches(/\S/, { message: 'subject must not be blank' })
  @MaxLength(TICKET_SUBJECT_MAX_LENGTH)
  subject: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: TICKET_DESCRIPTION_MAX_LENGTH })
  @unlessNull
  @IsString()
  @MaxLength(TICKET_DESCRIPTION_MAX_LENGTH)
  description?: string | null;

  @ApiProperty({ enum: TICKET_VISIBILITIES })
  @IsIn(TICKET_VISIBILITIES, { message: `visibility must be one of ${TICKET_VISIBILITIES.join(', ')}` })
  visibility: TicketVisibility;

  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() statusId?: number;
  @ApiPropertyOptional({ enum: TICKET_PRIORITIES })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES, { message: `priority must be one of ${TICKET_PRIORITIES.join(', ')}` })
  priority?: TicketPriority;
  @ApiPropertyOptional({ nullable: true, type: Number }) @unlessNull @IsInt() @IsPositive() groupId?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) @unlessNull @IsInt() @IsPositive() assigneeUserId?: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @unlessNull @IsCalendarDate() dueDate?: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) @unlessNull @IsInt() @IsPositive() parentTicketId?: number | null;
  @ApiPropertyOptional({ type: [TicketRecipientInputDto] }) @IsOptional() @Recipients() recipients?: TicketRecipientInputDto[];
}

/** The fields given change; null clears an optional one. Assigning is a PATCH of assigneeUserId. */
export class UpdateTicketDto {
  @ApiPropertyOptional({ maxLength: TICKET_SUBJECT_MAX_LENGTH })
  @OmittableNotNull()
  @IsString()
  @Matches(/\S/, { message: 'subject must not be blank' })
  @MaxLength(TICKET_SUBJECT_MAX_LENGTH)
  subject?: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: TICKET_DESCRIPTION_MAX_LENGTH })
  @unlessNull
  @IsString()
  @MaxLength(TICKET_DESCRIPTION_MAX_LENGTH)
  description?: string | null;

  @ApiPropertyOptional() @OmittableNotNull() @IsInt() @IsPositive() statusId?: number;
  @ApiPropertyOptional({ enum: TICKET_PRIORITIES })
  @OmittableNotNull()
  @IsIn(TICKET_PRIORITIES, { message: `priority must be one of ${TICKET_PRIORITIES.join(', ')}` })
  priority?: TicketPriority;
  @ApiPropertyOptional({ nullable: true, type: Number }) @unlessNull @IsInt() @IsPositive() groupId?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'null unassigns' })
  @unlessNull
  @IsInt()
  @IsPositive()
  assigneeUserId?: number | null;
  @ApiPropertyOptional({ enum: TICKET_VISIBILITIES })
  @OmittableNotNull()
  @IsIn(TICKET_VISIBILITIES, { message: `visibility must be one of ${TICKET_VISIBILITIES.join(', ')}` })
  visibility?: TicketVisibility;
  @ApiPropertyOptional({ nullable: true, type: String }) @unlessNull @IsCalendarDate() dueDate?: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'null detaches it from its parent' })
  @unlessNull
  @IsInt()
  @IsPositive()
  parentTicketId?: number | null;
  @ApiPropertyOptional({ description: 'Only on a ticket without an account yet' })
  @OmittableNotNull()
  @IsInt()
  @IsPositive()
  accountId?: number;
}

export class ReplaceTicketRecipientsDto {
  @ApiProperty({ type: [TicketRecipientInputDto] }) @Recipients() recipients: TicketRecipientInputDto[];
}

export class MergeTicketDto {
  @ApiProperty({ description: 'The ticket that survives' }) @IsInt() @IsPositive() intoTicketId: number;
}

export const LINKABLE_KINDS = ['task', 'file', 'inventory_item'] as const;

export class CreateTicketLinkDto {
  @ApiProperty({ enum: LINKABLE_KINDS, description: 'Jobs are linked by creating a job from the ticket' })
  @IsIn(LINKABLE_KINDS, { message: `kind must be one of ${LINKABLE_KINDS.join(', ')}` })
  kind: (typeof LINKABLE_KINDS)[number];

  @ApiProperty() @IsInt() @IsPositive() targetId: number;
}

export const WRITABLE_MESSAGE_KINDS = ['public_reply', 'internal_comment'] as const;

export class CreateTicketMessageDto {
  @ApiProperty({ enum: WRITABLE_MESSAGE_KINDS, description: 'public_reply is emailed to the recipients; internal_comment is not' })
  @IsIn(WRITABLE_MESSAGE_KINDS, { message: `kind must be one of ${WRITABLE_MESSAGE_KINDS.join(', ')}` })
  kind: (typeof WRITABLE_MESSAGE_KINDS)[number];

  @ApiProperty({ maxLength: 50_000 })
  @IsString()
  @Matches(/\S/, { message: 'bodyText must not be blank' })
  @MaxLength(50_000)
  bodyText: string;
}

export class CreateCallLogTicketDto {
  @ApiProperty({ enum: TICKET_VISIBILITIES, description: 'internal or public ticket' })
  @IsIn(TICKET_VISIBILITIES, { message: `kind must be one of ${TICKET_VISIBILITIES.join(', ')}` })
  kind: TicketVisibility;

  @ApiPropertyOptional({ description: "An active staff user; the call's attendant when left out" })
  @IsOptional()
  @IsInt()
  @IsPositive()
  assigneeUserId?: number;

  @ApiPropertyOptional({ maxLength: TICKET_SUBJECT_MAX_LENGTH, description: "The call's subject when left out" })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'subject must not be blank' })
  @MaxLength(TICKET_SUBJECT_MAX_LENGTH)
  subject?: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: TICKET_DESCRIPTION_MAX_LENGTH,
    description: "The call's notes when left out",
  })
  @unlessNull
  @IsString()
  @MaxLength(TICKET_DESCRIPTION_MAX_LENGTH)
  description?: string | null;
}

export class TicketFilterDto {
  @ApiPropertyOptional({ description: 'Words in the subject or description, or a ticket number (123 or #123)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() statusId?: number;

  @ApiPropertyOptional({ enum: TICKET_STATUS_KINDS, isArray: true, description: 'One kind or a list' })
  @IsOptional()
  @Transform(asList)
  @IsArray()
  @IsIn(TICKET_STATUS_KINDS, { each: true, message: `statusKind must be among ${TICKET_STATUS_KINDS.join(', ')}` })
  statusKind?: TicketStatusKind[];

  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() groupId?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() assigneeUserId?: number;
  @ApiPropertyOptional({ description: 'true: only tickets nobody is assigned to' }) @IsOptional() @IsBoolean() unassigned?: boolean;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, isArray: true, description: 'One priority or a list' })
  @IsOptional()
  @Transform(asList)
  @IsArray()
  @IsIn(TICKET_PRIORITIES, { each: true, message: `priority must be among ${TICKET_PRIORITIES.join(', ')}` })
  priority?: TicketPriority[];

  @ApiPropertyOptional({ description: 'true: due before today and not closed; false: the others' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() accountId?: number;
  @ApiPropertyOptional({ description: 'true: only tickets on no account yet' }) @IsOptional() @IsBoolean() withoutAccount?: boolean;
  @ApiPropertyOptional({ enum: TICKET_VISIBILITIES }) @IsOptional() @IsIn(TICKET_VISIBILITIES) visibility?: TicketVisibility;
  @ApiPropertyOptional({ description: 'false hides merged tickets; true shows only them' }) @IsOptional() @IsBoolean() merged?: boolean;

  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export const TICKET_SORTABLE = ['id', 'subject', 'priority', 'status', 'createdAt', 'lastActivityAt', 'dueDate'] as const;
export type TicketSortField = (typeof TICKET_SORTABLE)[number];

export class TicketLinkCountsDto {
  @ApiProperty() tasks: number;
  @ApiProperty() files: number;
  @ApiProperty() jobs: number;
  @ApiProperty() inventoryItems: number;
  @ApiProperty() childTickets: number;
}

export class TicketRowDto {
  @ApiProperty() id: number;
  @ApiProperty({ nullable: true, type: Number }) accountId: number | null;
  @ApiProperty({ nullable: true, type: String }) accountName: string | null;
  @ApiProperty() subject: string;
  @ApiProperty() statusId: number;
  @ApiProperty() statusName: string;
  @ApiProperty({ enum: TICKET_STATUS_KINDS }) statusKind: TicketStatusKind;
  @ApiProperty({ enum: TICKET_PRIORITIES }) priority: TicketPriority;
  @ApiProperty({ nullable: true, type: Number }) groupId: number | null;
  @ApiProperty({ nullable: true, type: String }) groupName: string | null;
  @ApiProperty({ nullable: true, type: Number }) assigneeUserId: number | null;
  @ApiProperty({ nullable: true, type: String }) assigneeName: string | null;
  @ApiProperty({ enum: TICKET_VISIBILITIES }) visibility: TicketVisibility;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) dueDate: string | null;
  @ApiProperty({ description: 'Due before today and not closed' }) overdue: boolean;
  @ApiProperty({ enum: TICKET_SOURCES }) source: TicketSource;
  @ApiProperty({ nullable: true, type: Number }) parentTicketId: number | null;
  @ApiProperty({ nullable: true, type: Number }) mergedIntoTicketId: number | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) lastActivityAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) firstRespondedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt: string | null;
  @ApiProperty({ type: TicketLinkCountsDto }) linkCounts: TicketLinkCountsDto;
}

export class TicketRefDto {
  @ApiProperty() id: number;
  @ApiProperty() subject: string;
  @ApiProperty() statusName: string;
  @ApiProperty({ enum: TICKET_STATUS_KINDS }) statusKind: TicketStatusKind;
}

export class TicketRecipientDto {
  @ApiProperty() id: number;
  @ApiProperty({ nullable: true, type: Number }) contactId: number | null;
  @ApiProperty({ nullable: true, type: String }) contactName: string | null;
  @ApiProperty() address: string;
}

export class TicketLinkDto {
  @ApiProperty() id: number;
  @ApiProperty({ enum: TICKET_LINK_KINDS }) kind: TicketLinkKind;
  @ApiProperty() targetId: number;
  @ApiProperty({ nullable: true, type: String, description: 'What the target is; null when it is gone' }) label: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class TicketAttachmentDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() mimeType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ nullable: true, type: Number, description: 'The account file it was kept as' }) accountFileId: number | null;
}

export class TicketMessageEmailDto {
  @ApiProperty() emailId: number;
  @ApiProperty() to: string;
  @ApiProperty({ enum: ['queued', 'sent', 'rejected', 'invalid'] }) status: string;
}

export class TicketMessageDto {
  @ApiProperty() id: number;
  @ApiProperty({ enum: TICKET_MESSAGE_KINDS }) kind: TicketMessageKind;
  @ApiProperty({ description: 'The ticket it was written on (differs after a merge)' }) writtenOnTicketId: number;
  @ApiProperty({ nullable: true, type: Number }) authorUserId: number | null;
  @ApiProperty({ nullable: true, type: String }) authorName: string | null;
  @ApiProperty({ nullable: true, type: String }) fromAddress: string | null;
  @ApiProperty() bodyText: string;
  @ApiProperty({ nullable: true, type: String, description: 'Inbound mail only, already sanitised' }) bodyHtml: string | null;
  @ApiProperty({ nullable: true, type: String }) messageId: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [TicketAttachmentDto] }) attachments: TicketAttachmentDto[];
  @ApiProperty({ type: [TicketMessageEmailDto] }) emails: TicketMessageEmailDto[];
}

export class TicketMergedFromDto {
  @ApiProperty() id: number;
  @ApiProperty() subject: string;
}

export class TicketResponseDto extends TicketRowDto {
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ nullable: true, type: Number }) createdByUserId: number | null;
  @ApiProperty({ nullable: true, type: String }) createdByName: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The call the ticket was opened from; null once that call log is deleted' })
  callLogId: number | null;
  @ApiProperty({ nullable: true, type: Number }) callLogTicketRequestId: number | null;
  @ApiProperty({ nullable: true, type: TicketRefDto }) parent: TicketRefDto | null;
  @ApiProperty({ type: [TicketRefDto] }) children: TicketRefDto[];
  @ApiProperty({ nullable: true, type: TicketRefDto }) mergedInto: TicketRefDto | null;
  @ApiProperty({ type: [TicketMergedFromDto] }) mergedFrom: TicketMergedFromDto[];
  @ApiProperty({ type: [TicketRecipientDto] }) recipients: TicketRecipientDto[];
  @ApiProperty({ type: [TicketLinkDto] }) links: TicketLinkDto[];
  @ApiProperty({ type: [TicketMessageDto], description: 'Oldest first' }) messages: TicketMessageDto[];
}
