import { formatMoney } from '../common/money';
import type { AuditState } from './action-history.entity';

/** Something a sentence names, for the panel to link to: a resource of the API and its id. */
export interface ActionLink {
  label: string;
  resource: string;
  id: number | string;
}

export interface ActionWords {
  summary: string;
  links: ActionLink[];
}

/** The parts of an action-history entry the words are made of. */
export interface ActionFacts {
  action: string;
  entityType: string;
  entityId: string;
  accountId: number | null;
  before: AuditState;
  after: AuditState;
}

/**
 * The kind of an entry: the action itself when it already names its subject (`invoice.void`),
 * otherwise the entity type and the verb (`package.create` for action `create` on a package).
 */
export function actionKind(action: string, entityType: string): string {
  return action.includes('.') ? action : `${entityType}.${action}`;
}

/** A payload read with care: an old or odd entry may lack any field, or hold the wrong type. */
class Payload {
  constructor(
    private readonly state: AuditState,
    private readonly currency: string,
  ) {}

  text(key: string): string | null {
    const value = this.state?.[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return null;
  }

  id(key: string): number | null {
    const value = this.state?.[key];
    const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;
  }

  money(key: string): string | null {
    const value = this.state?.[key];
    const cents = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
    return typeof cents === 'number' && Number.isSafeInteger(cents) ? formatMoney(cents, this.currency) : null;
  }
}

interface Context {
  facts: ActionFacts;
  before: Payload;
  after: Payload;
  /** `after` where the entry has one, else `before` (a deletion keeps only what was removed). */
  state: Payload;
  links: ActionLink[];
  link(label: string, resource: string, id: number | string | null): string;
}

interface Kind {
  /** What the filter shows, and the sentence when nothing better can be said. */
  label: string;
  sentence?: (c: Context) => string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 2026-12-01 → "1 Dec 2026"; anything else is left as it came. */
function day(value: string | null): string | null {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!m) return value;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

const quoted = (name: string | null) => (name ? ` '${name}'` : '');
const amountOf = (c: Context) => c.after.money('amount') ?? c.before.money('amount');
const forAmount = (money: string | null) => (money ? ` for ${money}` : '');
const ofAmount = (money: string | null) => (money ? ` of ${money}` : '');
const because = (reason: string | null) => (reason ? `: ${reason}` : '');
/** E.164 digits with their +, or words when the entry lacks the number. */
const phone = (digits: string | null) => (digits ? `+${digits}` : 'a number');
const toHolder = (c: Context) => (c.after.text('assigneeLabel') ? ` to ${c.after.text('assigneeLabel')}` : '');

function invoiceRef(c: Context): string {
  const number = c.state.text('number');
  return c.link(number ? `Invoice ${number}` : `Invoice #${c.facts.entityId}`, 'invoices', c.facts.entityId);
}

/** "Ticket #12 'No internet'", linked to the ticket. */
function ticketRef(c: Context): string {
  const subject = c.state.text('subject');
  return `${c.link(`Ticket #${c.facts.entityId}`, 'tickets', c.facts.entityId)}${quoted(subject)}`;
}

/** "Job #31", linked to the job. */
function jobRef(c: Context): string {
  return c.link(`Job #${c.facts.entityId}`, 'jobs', c.facts.entityId);
}

/** " for 1 Dec 2026 09:00 UTC" from an instant, or nothing. */
function at(instant: string | null): string {
  if (!instant || Number.isNaN(Date.parse(instant))) return '';
  return ` for ${instant.slice(0, 10)} ${instant.slice(11, 16)} UTC`;
}

function paymentRef(c: Context, method = c.state.text('method')): string {
  const what = method === 'card' ? 'Card payment' : method === 'ach' ? 'Bank payment' : 'Payment';
  return c.link(`${what} #${c.facts.entityId}`, 'payments', c.facts.entityId);
}

/** A record of the catalogue or the settings, named by its name when the payload has one. */
function named(noun: string, resource: string | null, verb: string): Kind {
  const label = `${noun} ${verb}`;
  return {
    label,
    sentence: (c) => {
      const name = c.state.text('name') ?? c.state.text('title') ?? c.state.text('label');
      const what = name ? `${noun} '${name}'` : `${noun} #${c.facts.entityId}`;
      return `${resource ? c.link(what, resource, c.facts.entityId) : what} ${verb}`;
    },
  };
}

/** create/update/delete of one kind of record. */
function crud(entityType: string, noun: string, resource: string | null): Record<string, Kind> {
  return {
    [`${entityType}.create`]: named(noun, resource, 'added'),
    [`${entityType}.update`]: named(noun, resource, 'changed'),
    [`${entityType}.delete`]: named(noun, null, 'deleted'),
  };
}

/** Every action code the code base writes, with its words. The unit test keeps this list complete. */
export const ACTION_KINDS: Record<string, Kind> = {
  'account.create': { label: 'Account created', sentence: (c) => `Account${quoted(c.after.text('name'))} created` },
  'account.update': { label: 'Account details changed', sentence: () => 'Account details changed' },
  'account.disconnect': { label: 'Account disconnected', sentence: (c) => `Account disconnected${because(c.after.text('reason'))}` },
  'account.delinquent': { label: 'Account became delinquent' },
  'account.delinquency_cleared': { label: 'Delinquency cleared, account restored' },
  'account.delinquency_settled': { label: 'Delinquency settled' },
  'stripe_customer.create': { label: 'Account registered with the card processor' },
  'payment_method.setup': { label: 'Payment method setup started' },
  ...crud('account_type', 'Account type', 'account-types'),
  ...crud('account_status', 'Account status', 'account-statuses'),
  ...crud('account_group', 'Account group', 'account-groups'),
  ...crud('account_tax_override', 'Tax exemption', null),
  'account_billing_config.update': { label: 'Account billing settings changed' },
  'account_type_billing_defaults.update': { label: 'Billing defaults of an account type changed' },
  'billing_settings.update': { label: 'Billing settings changed' },
  'disconnection_settings.update': { label: 'Disconnection settings changed' },
  'session_enforcement_settings.update': { label: 'Speed of delinquent accounts’ sessions changed' },
  'accounting_period.update': {
    label: 'Accounting period closed up to a date',
    sentence: (c) => {
      const date = day(c.after.text('closedThrough') ?? c.after.text('closeDate'));
      return date ? `Accounting closed through ${date}` : 'Accounting close date changed';
    },
  },
  'accounting_period.auto_close': { label: 'Accounting period closed automatically' },
  'account_service.add': {
    label: 'Service added',
    sentence: (c) => `Service${quoted(c.after.text('name'))} added to the account`,
  },
  'account_service.edit': {
    label: 'Service changed',
    sentence: (c) => `Service${quoted(c.after.text('name') ?? c.before.text('name'))} changed on the account`,
  },
  'account_service.remove': {
    label: 'Service removed',
    sentence: (c) => `Service${quoted(c.state.text('name') ?? c.before.text('name'))} removed from the account`,
  },
  'invoice.generate': {
    label: 'Invoice generated by a bill run',
    sentence: (c) => {
      const billed = day(c.after.text('billingDate'));
      return `${invoiceRef(c)} generated${forAmount(c.after.money('total'))}${billed ? ` by the bill run of ${billed}` : ' by a bill run'}`;
    },
  },
  'invoice.create': { label: 'Invoice created by hand', sentence: (c) => `${invoiceRef(c)} created${forAmount(c.after.money('total'))}` },
  'invoice.update': { label: 'Invoice message changed', sentence: (c) => `${invoiceRef(c)} changed` },
  'invoice.freeze': { label: 'Invoice frozen', sentence: (c) => `${invoiceRef(c)} frozen` },
  'invoice.unfreeze': { label: 'Invoice unfrozen', sentence: (c) => `${invoiceRef(c)} unfrozen` },
  'invoice.void': { label: 'Invoice voided', sentence: (c) => `${invoiceRef(c)} voided${because(c.after.text('reason'))}` },
  'invoice.delete': { label: 'Invoice deleted', sentence: (c) => `${invoiceRef(c)} deleted` },
  'invoice.link': { label: 'Invoice linked to another', sentence: (c) => `${invoiceRef(c)} linked to another invoice` },
  'invoice.unlink': { label: 'Invoice unlinked', sentence: (c) => `${invoiceRef(c)} unlinked from the invoice it was linked to` },
  'invoice.apply_credits': {
    label: 'Credit applied to an invoice',
    sentence: (c) => `Credit${ofAmount(c.after.money('amount'))} applied to ${invoiceRef(c)}`,
  },
  'invoice.delinquent': { label: 'Invoice became delinquent', sentence: (c) => `${invoiceRef(c)} became delinquent` },
  'invoice.email': {
    label: 'Invoice emailed',
    sentence: (c) => `${invoiceRef(c)} emailed${c.after.text('to') ? ` to ${c.after.text('to')}` : ''}`,
  },
  'debit.describe': {
    label: 'Charge description changed',
    sentence: (c) => `Charge description changed${c.after.text('description') ? ` to '${c.after.text('description')}'` : ''}`,
  },
  'transaction.late_fee': { label: 'Late fee charged', sentence: (c) => `Late fee${ofAmount(amountOf(c))} charged` },
  'transaction.create': {
    label: 'Charge or adjustment posted',
    sentence: (c) => `${c.after.text('description') ?? 'Transaction'}${ofAmount(amountOf(c))} posted`,
  },
  'payment.create': { label: 'Payment recorded', sentence: (c) => `Payment${ofAmount(amountOf(c))} recorded` },
  'debit.reverse': { label: 'Charge reversed', sentence: (c) => `Charge${ofAmount(amountOf(c))} reversed` },
  'credit.void': { label: 'Payment or credit voided', sentence: (c) => `Payment or credit${ofAmount(amountOf(c))} voided` },
  'processor_payment.create': {
    label: 'Payment taken',
    sentence: (c) => `${paymentRef(c)}${ofAmount(amountOf(c))} submitted`,
  },
  'processor_payment.submit': { label: 'Payment sent to the processor', sentence: (c) => `${paymentRef(c)} sent to the processor` },
  'processor_payment.recorded': {
    label: 'Payment succeeded',
    sentence: (c) => `${paymentRef(c)}${ofAmount(amountOf(c))} succeeded`,
  },
  'processor_payment.failed': {
    label: 'Payment failed',
    sentence: (c) => `${paymentRef(c)}${ofAmount(amountOf(c))} failed${because(c.after.text('failureReason'))}`,
  },
  'payment.reverse': { label: 'Payment reversed', sentence: (c) => `${paymentRef(c, c.before.text('method'))} reversed` },
  'refund.update': { label: 'Refund status changed', sentence: (c) => `Refund ${c.after.text('status') ?? 'changed'}` },
  'dispute.open': { label: 'Payment disputed', sentence: (c) => `Payment disputed by the cardholder${ofAmount(c.after.money('amount'))}` },
  'dispute.update': { label: 'Dispute status changed', sentence: (c) => `Dispute ${c.after.text('status') ?? 'changed'}` },
  'autopay.succeeded': { label: 'Automatic payment succeeded', sentence: (c) => `Automatic payment${ofAmount(amountOf(c))} succeeded` },
  'autopay.processing': {
    label: 'Automatic payment processing',
    sentence: (c) => `Automatic payment${ofAmount(amountOf(c))} is processing`,
  },
  'autopay.failed': {
    label: 'Automatic payment failed',
    sentence: (c) => `Automatic payment${ofAmount(amountOf(c))} failed${because(c.after.text('reason'))}`,
  },
  'payment_method.create': { label: 'Payment method added' },
  'payment_method.update': { label: 'Payment method changed' },
  'payment_method.delete': { label: 'Payment method removed' },
  'contact.create': { label: 'Contact added', sentence: (c) => `Contact${quoted(c.after.text('name'))} added` },
  'contact.update': { label: 'Contact changed', sentence: (c) => `Contact${quoted(c.state.text('name'))} changed` },
  'contact.delete': { label: 'Contact removed', sentence: (c) => `Contact${quoted(c.before.text('name'))} removed` },
  'contact.become_primary': {
    label: 'Primary contact changed',
    sentence: (c) => `Contact${quoted(c.state.text('name'))} made the primary contact`,
  },
  'contact.set_portal_credentials': { label: 'Portal login given to a contact' },
  'contact.remove_portal_credentials': { label: 'Portal login taken from a contact' },
  'account_note.create': { label: 'Note added' },
  'account_note.update': { label: 'Note changed' },
  'account_note.delete': { label: 'Note deleted' },
  'account_task.create': { label: 'Task added', sentence: (c) => `Task${quoted(c.after.text('title'))} added` },
  'account_task.update': { label: 'Task changed', sentence: (c) => `Task${quoted(c.state.text('title'))} changed` },
  'account_task.delete': { label: 'Task deleted', sentence: (c) => `Task${quoted(c.before.text('title'))} deleted` },
  'account_file.create': { label: 'File uploaded', sentence: (c) => `File${quoted(c.after.text('name'))} uploaded` },
  'account_file.update': { label: 'File changed', sentence: (c) => `File${quoted(c.state.text('name'))} changed` },
  'account_file.delete': { label: 'File deleted', sentence: (c) => `File${quoted(c.before.text('name'))} deleted` },
  'call_log.create': { label: 'Call logged' },
  'call_log.update': { label: 'Call log changed' },
  'call_log.delete': { label: 'Call log deleted' },
  'call_log_ticket_request.create': { label: 'Ticket requested from a call' },
  'call_log_ticket_request.convert': {
    label: 'Ticket request turned into a ticket',
    sentence: (c) => `Ticket request turned into ${c.link(`ticket #${c.after.id('ticketId') ?? '?'}`, 'tickets', c.after.id('ticketId'))}`,
  },
  'ticket.create': { label: 'Ticket opened', sentence: (c) => `${ticketRef(c)} opened` },
  'ticket.update': { label: 'Ticket changed', sentence: (c) => `${ticketRef(c)} changed` },
  'ticket.recipients': { label: 'Ticket recipients changed', sentence: (c) => `Recipients of ${ticketRef(c)} changed` },
  'ticket.public_reply': { label: 'Ticket replied to', sentence: (c) => `Public reply on ${ticketRef(c)}` },
  'ticket.internal_comment': { label: 'Ticket commented on', sentence: (c) => `Internal comment on ${ticketRef(c)}` },
  'ticket.inbound': {
    label: 'Mail received on a ticket',
    sentence: (c) => `Mail${c.after.text('from') ? ` from ${c.after.text('from')}` : ''} received on ${ticketRef(c)}`,
  },
  'ticket.reopen': { label: 'Ticket reopened by mail', sentence: (c) => `${ticketRef(c)} reopened by mail` },
  'ticket.merge': {
    label: 'Ticket merged',
    sentence: (c) =>
      `${ticketRef(c)} merged into ${c.link(`ticket #${c.after.id('intoTicketId') ?? '?'}`, 'tickets', c.after.id('intoTicketId'))}`,
  },
  'ticket.link': {
    label: 'Linked to a ticket',
    sentence: (c) =>
      `${(c.after.text('kind') ?? 'record').replace('_', ' ')} #${c.after.text('targetId') ?? '?'} linked to ${ticketRef(c)}`,
  },
  'ticket.unlink': {
    label: 'Unlinked from a ticket',
    sentence: (c) =>
      `${(c.before.text('kind') ?? 'record').replace('_', ' ')} #${c.before.text('targetId') ?? '?'} unlinked from ${ticketRef(c)}`,
  },
  'ticket.raise_priority': {
    label: 'Ticket priority raised',
    sentence: (c) => `${ticketRef(c)} raised to ${c.after.text('priority') ?? 'a higher'} priority${because(c.after.text('reason'))}`,
  },
  ...crud('ticket_status', 'Ticket status', 'ticket-statuses'),
  ...crud('ticket_group', 'Ticket group', 'ticket-groups'),
  'ticket_deadline.breach': {
    label: 'Ticket target missed',
    sentence: (c) => `${ticketRef(c)} missed its ${c.after.text('kind') === 'resolution' ? 'resolution' : 'first-response'} target`,
  },
  'ticket_business_hours.update': { label: 'Ticket business hours changed', sentence: () => 'Business hours of ticket targets changed' },
  ...crud('ticket_holiday', 'Ticket holiday', 'ticket-holidays'),
  ...crud('ticket_deadline_target', 'Ticket target', 'ticket-deadline-targets'),
  'email.queue': {
    label: 'Email queued',
    sentence: (c) => `Email${quoted(c.after.text('subject'))} queued${c.after.text('to') ? ` to ${c.after.text('to')}` : ''}`,
  },
  'email.resend': { label: 'Email sent again', sentence: (c) => `Email${quoted(c.after.text('subject'))} sent again` },
  'scheduled_event.create': { label: 'Scheduled event added' },
  'scheduled_event.update': { label: 'Scheduled event changed' },
  'scheduled_event.cancel': { label: 'Scheduled event cancelled' },
  'scheduled_event.perform_now': { label: 'Scheduled event done early by hand' },
  'scheduled_event.perform': { label: 'Scheduled event done' },
  'job_type.create': { label: 'Job type added', sentence: (c) => `Job type${quoted(c.after.text('name'))} added` },
  'job_type.update': { label: 'Job type changed', sentence: (c) => `Job type${quoted(c.state.text('name'))} changed` },
  'job_type.delete': { label: 'Job type deleted', sentence: (c) => `Job type${quoted(c.before.text('name'))} deleted` },
  'technician.create': { label: 'Technician added', sentence: (c) => `${c.after.text('name') ?? 'A staff user'} made a technician` },
  'technician.update': { label: 'Technician changed', sentence: (c) => `Technician${quoted(c.state.text('name'))} changed` },
  'technician.delete': { label: 'Technician removed', sentence: (c) => `Technician${quoted(c.before.text('name'))} removed` },
  'job_settings.update': { label: 'Job reminder lead time changed' },
  'job.create': { label: 'Job created', sentence: (c) => `${jobRef(c)}${quoted(c.after.text('jobTypeName'))} created` },
  'job.update': { label: 'Job changed', sentence: (c) => `${jobRef(c)} changed` },
  'job.delete': { label: 'Job deleted', sentence: (c) => `${jobRef(c)}${quoted(c.before.text('jobTypeName'))} deleted` },
  'job.schedule': { label: 'Job scheduled', sentence: (c) => `${jobRef(c)} scheduled${at(c.after.text('startsAt'))}` },
  'job.reschedule': { label: 'Job rescheduled or reassigned', sentence: (c) => `${jobRef(c)} rescheduled${at(c.after.text('startsAt'))}` },
  'job.unschedule': { label: 'Job taken off the calendar', sentence: (c) => `${jobRef(c)} taken off the calendar` },
  'job.en_route': { label: 'Technician en route', sentence: (c) => `Technician on the way for ${jobRef(c)}` },
  'job.completed': { label: 'Job completed', sentence: (c) => `${jobRef(c)} completed` },
  'job.failed': { label: 'Job failed', sentence: (c) => `${jobRef(c)} failed${because(c.after.text('reason'))}` },
  'job.cancelled': { label: 'Job cancelled', sentence: (c) => `${jobRef(c)} cancelled${because(c.after.text('reason'))}` },
  'job.link': {
    label: 'Task or file attached to a job',
    sentence: (c) => `${c.after.text('title') ?? 'An item'} attached to ${jobRef(c)}`,
  },
  'job.unlink': { label: 'Task or file detached from a job', sentence: (c) => `An item detached from ${jobRef(c)}` },
  'scheduled_event.fail': {
    label: 'Scheduled event could not be done',
    sentence: (c) => `Scheduled event could not be done${because(c.after.text('error'))}`,
  },
  'bill_run.parked.release': { label: 'Parked invoice released' },
  'bill_run.parked.dismiss': { label: 'Parked invoice dismissed' },
  'nightly_run.start': {
    label: 'Nightly run started',
    sentence: (c) => `Nightly run started${c.after.text('date') ? ` for ${day(c.after.text('date'))}` : ''}`,
  },
  'delinquency_run.start': { label: 'Delinquency run started' },
  'webhook_event.redispatch': {
    label: 'Processor event handed to processing again',
    sentence: (c) => `Processor event ${c.facts.entityId} handed to processing again`,
  },
  'audit_export.create': { label: 'Log export started' },
  'audit_export.complete': { label: 'Log export finished' },
  'audit_export.fail': { label: 'Log export failed' },
  ...crud('service', 'Catalogue service', 'services'),
  ...crud('package', 'Catalogue package', 'packages'),
  ...crud('tax', 'Tax', 'taxes'),
  ...crud('tax_type', 'Tax type', 'tax-types'),
  ...crud('tax_zone', 'Tax zone', 'tax-zones'),
  ...crud('custom_field', 'Custom field', 'custom-fields'),
  ...crud('message_category', 'Message category', 'message-categories'),
  'message_template.update': named('Message template', 'message-templates', 'changed'),
  ...crud('delinquency_exclusion_date', 'Day without delinquency', null),
  ...crud('role', 'Role', 'roles'),
  'staff_user.create': { label: 'Staff user added', sentence: (c) => `Staff user${quoted(c.after.text('email'))} added` },
  'staff_user.update': { label: 'Staff user changed', sentence: (c) => `Staff user${quoted(c.state.text('email'))} changed` },
  'staff_user.login': { label: 'Signed in' },
  'staff_user.login_failed': { label: 'Sign-in refused' },
  'login.login_failed': {
    label: 'Sign-in refused for an unknown user',
    sentence: (c) => `Sign-in refused${c.after.text('email') ? ` for ${c.after.text('email')}` : ''}`,
  },
  ...crud('contract_template', 'Contract template', 'contract-templates'),
  ...crud('ip_supernet', 'Supernet', 'ip-supernets'),
  ...crud('ip_subnet', 'Subnet', 'ip-subnets'),
  ...crud('ip_pool', 'IP pool', 'ip-pools'),
  ...crud('nas_device', 'NAS device', 'nas-devices'),
  ...crud('usage_policy', 'Usage policy', 'usage-policies'),
  'usage.top_off': {
    label: 'Data topped off',
    sentence: (c) => {
      const gb = c.after.text('octets');
      return `Data topped off${gb && /^\d+$/.test(gb) ? ` by ${Number(BigInt(gb) / 1_000_000n) / 1000} GB` : ''}${forAmount(c.after.money('amount'))}`;
    },
  },
  'usage.period_edit': {
    label: 'Usage of the current period corrected',
    sentence: (c) => `Usage from ${day(c.after.text('periodStart')) ?? 'the current period'} corrected${because(c.after.text('reason'))}`,
  },
  'ip_assignment.create': {
    label: 'IP address assigned',
    sentence: (c) => `${c.after.text('address') ?? 'An address'} assigned${toHolder(c)}`,
  },
  'ip_assignment.update': {
    label: 'IP assignment changed',
    sentence: (c) => `Assignment of ${c.after.text('address') ?? 'an address'} changed`,
  },
  'ip_assignment.move': { label: 'IP assignment moved', sentence: (c) => `${c.after.text('address') ?? 'An address'} moved${toHolder(c)}` },
  'ip_assignment.remove': {
    label: 'IP assignment removed',
    sentence: (c) => `${c.before.text('address') ?? 'An address'} removed from its holder`,
  },
  ...crud('inventory_manufacturer', 'Manufacturer', 'inventory-manufacturers'),
  ...crud('inventory_model', 'Inventory model', 'inventory-models'),
  ...crud('stock_location', 'Stock location', 'stock-locations'),
  ...crud('inventory_item', 'Inventory item', 'inventory-items'),
  'inventory_item.assign': {
    label: 'Inventory item reassigned',
    sentence: (c) =>
      `${c.after.text('modelName') ?? 'Item'}${quoted(c.after.text('serial'))} given to ${c.after.text('accountName') ?? c.after.text('stockLocationName') ?? 'a new holder'}`,
  },
  ...crud('dhcp_server', 'DHCP server', 'dhcp-servers'),
  ...crud('address_list', 'Address list', 'address-lists'),
  'address_list.rotate_key': {
    label: 'Address list fetch key replaced',
    sentence: (c) => `New fetch key for address list${quoted(c.after.text('name'))}`,
  },
  'network_reconciliation.start': {
    label: 'Network reconciliation started',
    sentence: (c) => `${c.link(`Network reconciliation #${c.facts.entityId}`, 'network-reconciliations', c.facts.entityId)} started`,
  },
  'uninventoried_mac.create': { label: 'MAC address added', sentence: (c) => `MAC address ${c.after.text('mac') ?? ''} added` },
  'uninventoried_mac.delete': { label: 'MAC address removed', sentence: (c) => `MAC address ${c.before.text('mac') ?? ''} removed` },
  'radius_account.create': { label: 'RADIUS account added', sentence: (c) => `RADIUS account${quoted(c.after.text('username'))} added` },
  'radius_account.update': {
    label: 'RADIUS account changed',
    sentence: (c) => `RADIUS account${quoted(c.after.text('username'))} changed`,
  },
  'radius_account.delete': {
    label: 'RADIUS account deleted',
    sentence: (c) => `RADIUS account${quoted(c.before.text('username'))} deleted`,
  },
  'contract.create': { label: 'Contract added', sentence: (c) => `${contractRef(c)} added` },
  'contract.update': { label: 'Contract written again', sentence: (c) => `${contractRef(c)} written again from its template` },
  'contract.delete': { label: 'Contract deleted', sentence: (c) => `Contract${quoted(c.before.text('name'))} deleted` },
  'contract.send': { label: 'Contract sent for signature', sentence: (c) => `${contractRef(c)} sent for signature${toWhom(c)}` },
  'contract.resend': { label: 'Signing request sent again', sentence: (c) => `${contractRef(c)} sent again for signature${toWhom(c)}` },
  'contract.cancel': { label: 'Signing request cancelled', sentence: (c) => `Signing request for ${contractRef(c)} cancelled${toWhom(c)}` },
  'contract.view': {
    label: 'Contract opened by the signer',
    sentence: (c) => `${contractRef(c)} opened from its signing link${byWhom(c)}`,
  },
  'contract.sign': {
    label: 'Contract signed',
    sentence: (c) => `${contractRef(c)} signed${c.after.text('signedBy') ? ` by ${c.after.text('signedBy')}` : ''}${signedHow(c)}`,
  },
  'contract.decline': {
    label: 'Contract declined',
    sentence: (c) => `${contractRef(c)} declined${byWhom(c)}${because(c.after.text('reason'))}`,
  },
  'contract.expire_request': {
    label: 'Signing request expired',
    sentence: (c) => `Signing request for ${contractRef(c)} expired unsigned${toWhom(c)}`,
  },
  'contract.expire': { label: 'Contract term ended', sentence: (c) => `${contractRef(c)} expired at the end of its term` },
  ...crud('voice_rate_plan', 'Rate plan', 'voice-rate-plans'),
  'voice_rate_plan.import_deck': {
    label: 'Rate deck replaced',
    sentence: (c) =>
      `Deck of ${c.link(`rate plan${quoted(c.after.text('name'))}`, 'voice-rate-plans', c.facts.entityId)} replaced${c.after.text('rates') ? ` with ${c.after.text('rates')} rates` : ''}`,
  },
  'did.create': { label: 'Phone number added', sentence: (c) => `Phone number ${phone(c.after.text('number'))} added` },
  'did.update': {
    label: 'Phone number changed',
    sentence: (c) => `Phone number ${phone(c.state.text('number'))} ${c.after.text('state') ? `now ${c.after.text('state')}` : 'changed'}`,
  },
  'did.add_range': {
    label: 'Phone number range added',
    sentence: (c) =>
      `Phone numbers ${phone(c.after.text('from'))} to ${phone(c.after.text('to'))} added${c.after.text('added') ? ` (${c.after.text('added')} new)` : ''}`,
  },
  'did.assign': {
    label: 'Phone number assigned',
    sentence: (c) =>
      `Phone number ${phone(c.after.text('number'))} assigned${c.after.text('serviceName') ? ` to ${c.after.text('serviceName')}` : ''}`,
  },
  'did.release': {
    label: 'Phone number released',
    sentence: (c) =>
      `Phone number ${phone(c.before.text('number'))} released${c.before.text('serviceName') ? ` from ${c.before.text('serviceName')}` : ''}`,
  },
  'voice_cdr_file.create': {
    label: 'Call record file received',
    sentence: (c) =>
      `Call record file${quoted(c.after.text('name'))} received${c.after.text('source') === 'folder' ? ' from the folder' : ''}`,
  },
  'voice_cdr_file.rerun': {
    label: 'Call record file read again',
    sentence: (c) => `Call record file${quoted(c.after.text('name'))} read again`,
  },
  ...crud('network_site', 'Network site', 'network-sites'),
  'elevation_tile.create': {
    label: 'Elevation tile uploaded',
    sentence: (c) => `${tileKind(c.after.text('kind'))} tile${quoted(c.after.text('name'))} uploaded`,
  },
  'elevation_tile.delete': {
    label: 'Elevation tile deleted',
    sentence: (c) => `${tileKind(c.before.text('kind'))} tile${quoted(c.before.text('name'))} deleted`,
  },
};

/** A terrain model (DEM) or a clutter model, as a clerk would name it. */
const tileKind = (kind: string | null) => (kind === 'clutter' ? 'Clutter' : kind === 'dem' ? 'Terrain' : 'Elevation');

function contractRef(c: Context): string {
  const name = c.state.text('name');
  return c.link(name ? `Contract '${name}'` : `Contract #${c.facts.entityId}`, 'contracts', c.facts.entityId);
}
const toWhom = (c: Context) => (c.after.text('email') ? ` to ${c.after.text('email')}` : '');
const byWhom = (c: Context) => (c.after.text('email') ? ` by ${c.after.text('email')}` : '');
const signedHow = (c: Context) =>
  c.after.text('signingMethod') === 'in_person' ? ' in person' : c.after.text('signingMethod') === 'link' ? ' by link' : '';

/** Where the panel shows an entity of a type, when it has a page of its own. */
const RESOURCE_OF: Record<string, string> = {
  account: 'accounts',
  invoice: 'invoices',
  processor_payment: 'payments',
  service: 'services',
  package: 'packages',
  role: 'roles',
  staff_user: 'users',
  contract: 'contracts',
  contract_template: 'contract-templates',
  network_reconciliation: 'network-reconciliations',
};

/** "invoice_thing.do_it" → "Invoice thing do it": the plain sentence for a code nobody gave words. */
function plain(code: string): string {
  const text = code.replace(/[._]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The kinds of action, for the filter: code and label, in the label's order. */
export function actionKindChoices(): { id: string; label: string }[] {
  return Object.entries(ACTION_KINDS)
    .map(([id, kind]) => ({ id, label: kind.label }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * One entry in words a billing clerk reads: what happened, with money in the instance currency, and
 * links to what it names. Never throws: a payload that lacks what the sentence needs gets the kind's
 * label, and a kind nobody gave words gets its code spelt out.
 */
export function describeAction(facts: ActionFacts, currency: string): ActionWords {
  const code = actionKind(facts.action, facts.entityType);
  const kind = ACTION_KINDS[code];
  const links: ActionLink[] = [];
  const before = new Payload(isState(facts.before) ? facts.before : null, currency);
  const after = new Payload(isState(facts.after) ? facts.after : null, currency);
  const context: Context = {
    facts,
    before,
    after,
    state: isState(facts.after) ? after : before,
    links,
    link(label, resource, id) {
      if (id !== null && id !== '') links.push({ label, resource, id });
      return label;
    },
  };
  let summary = kind?.label ?? plain(code);
  if (kind?.sentence) {
    try {
      summary = kind.sentence(context);
    } catch {
      links.length = 0;
    }
  }
  const own = RESOURCE_OF[facts.entityType];
  if (own && !links.some((l) => l.resource === own && String(l.id) === facts.entityId) && facts.entityType !== 'account') {
    links.push({ label: `${plain(facts.entityType)} #${facts.entityId}`, resource: own, id: facts.entityId });
  }
  if (facts.accountId !== null) links.push({ label: `Account #${facts.accountId}`, resource: 'accounts', id: facts.accountId });
  return { summary, links };
}

function isState(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
