import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { transactionWithRetry } from '../database/transaction';
import { TicketSettingsService } from '../tickets/ticket-settings.service';
import { TicketConversationService } from '../tickets/ticket-conversation.service';
import { TicketsService } from '../tickets/tickets.service';
import type { TicketPriority } from '../tickets/dto/ticket-fields';

/** A demo conversation: who says what, in order. `in` is the subscriber's mail, `out` a public reply, `note` an internal comment. */
type Line = ['in' | 'out' | 'note', string];

const TICKETS: {
  subject: string;
  group: 'Support' | 'Installations';
  priority: TicketPriority;
  visibility: 'internal' | 'public';
  lines: Line[];
}[] = [
  {
    subject: 'No internet since the storm',
    group: 'Support',
    priority: 'high',
    visibility: 'public',
    lines: [
      ['in', 'Our connection dropped during the storm last night and has not come back. The modem lights are off.'],
      ['note', 'Power supply suspected; two neighbours on the same street called as well.'],
      ['out', 'Sorry to hear that. Could you try another power outlet for the modem and tell us what the lights do?'],
      ['in', 'Tried another outlet, still nothing at all.'],
    ],
  },
  {
    subject: 'Slow speeds in the evening',
    group: 'Support',
    priority: 'medium',
    visibility: 'public',
    lines: [
      ['in', 'Every evening around 8 pm the speed drops to a crawl.'],
      ['out', 'Thanks for letting us know. We are looking at the load on your sector and will report back.'],
    ],
  },
  {
    subject: 'Question about my last invoice',
    group: 'Support',
    priority: 'low',
    visibility: 'public',
    lines: [
      ['in', 'The last invoice is higher than usual, why is that?'],
      ['out', 'The invoice includes the prorated charge for the speed upgrade from the 12th. The regular amount applies from next month.'],
    ],
  },
  {
    subject: 'Install fibre drop',
    group: 'Installations',
    priority: 'medium',
    visibility: 'internal',
    lines: [['note', 'Customer prefers mornings; dog on the premises.']],
  },
  {
    subject: 'Move router to the upstairs office',
    group: 'Installations',
    priority: 'low',
    visibility: 'public',
    lines: [['in', 'Could someone move the router upstairs?']],
  },
  {
    subject: 'Wi-Fi does not reach the garden',
    group: 'Support',
    priority: 'low',
    visibility: 'public',
    lines: [
      ['in', 'The Wi-Fi signal is gone once we step into the garden.'],
      ['out', 'A mesh extender would help there; we can add one to your plan if you like.'],
    ],
  },
  {
    subject: 'Replace faulty ONT',
    group: 'Installations',
    priority: 'high',
    visibility: 'internal',
    lines: [['note', 'ONT reports laser faults since Monday.']],
  },
  {
    subject: 'Static IP address request',
    group: 'Support',
    priority: 'medium',
    visibility: 'public',
    lines: [['in', 'I run a small server at home and would like a static IP address.']],
  },
  {
    subject: 'Cancel service at the end of the month',
    group: 'Support',
    priority: 'medium',
    visibility: 'public',
    lines: [
      ['in', 'We are moving abroad and need to cancel at the end of the month.'],
      ['note', 'Offer the seasonal hold before cancelling.'],
    ],
  },
  {
    subject: 'New service at the holiday home',
    group: 'Installations',
    priority: 'medium',
    visibility: 'public',
    lines: [['in', 'We would like service at our holiday home from June.']],
  },
  {
    subject: 'Intermittent drops every few minutes',
    group: 'Support',
    priority: 'critical',
    visibility: 'public',
    lines: [
      ['in', 'The connection drops for a few seconds every few minutes, video calls are impossible.'],
      ['note', 'Line shows CRC errors; schedule a technician.'],
    ],
  },
  {
    subject: 'Paperless billing',
    group: 'Support',
    priority: 'low',
    visibility: 'public',
    lines: [['in', 'Please send invoices by email only.']],
  },
];

/**
 * Ticket groups (Support receives mail at support@example.com) and a dozen tickets with
 * conversations across the first demo accounts, each opened through the tickets module itself.
 * Public replies queue emails like any other; the demo's email dispatcher sends them.
 */
export async function generateTicketsDemo(app: INestApplicationContext, adminUserId: number, firstAccountId: number): Promise<void> {
  const db = app.get(DataSource);
  const settings = app.get(TicketSettingsService);
  const tickets = app.get(TicketsService);
  const conversation = app.get(TicketConversationService);
  const support = await settings.createGroup({ name: 'Support', inboundAddress: 'support@example.com', memberUserIds: [adminUserId] });
  const installations = await settings.createGroup({ name: 'Installations', inboundAddress: 'installations@example.com' });
  const groups = { Support: support.id, Installations: installations.id };

  for (const [index, demo] of TICKETS.entries()) {
    const accountId = firstAccountId + index * 3;
    const [contact]: { email: string | null }[] = await db.query('SELECT email FROM contacts WHERE primary_account_id = ?', [accountId]);
    await transactionWithRetry(db, async (em) => {
      const id = await tickets.openTicket(
        em,
        {
          accountId,
          subject: demo.subject,
          description: demo.lines[0]?.[1] ?? null,
          priority: demo.priority,
          groupId: groups[demo.group],
          assigneeUserId: index % 3 === 0 ? null : adminUserId,
          visibility: demo.visibility,
          source: demo.lines[0]?.[0] === 'in' ? 'email' : 'staff',
        },
        adminUserId,
      );
      for (const [kind, bodyText] of demo.lines) {
        if (kind === 'out' && (demo.visibility === 'internal' || !contact?.email)) continue;
        await conversation.addMessage(em, id, {
          kind: kind === 'in' ? 'inbound' : kind === 'out' ? 'public_reply' : 'internal_comment',
          authorUserId: kind === 'in' ? null : adminUserId,
          fromAddress: kind === 'in' ? (contact?.email ?? null) : null,
          bodyText,
        });
      }
    });
  }
}
