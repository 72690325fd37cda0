import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { searchAttributes, workflowIds } from '../../workflows/shared';
import { TicketDeadlinesService } from '../../src/ticket-deadlines/ticket-deadlines.service';
import { DeadlinesWorld, eventually } from './deadlines-world';

describe('a ticket left past its first-response target', () => {
  let w: DeadlinesWorld;

  beforeAll(async () => {
    w = await DeadlinesWorld.start();
  });
  afterAll(async () => {
    await w.close();
  });

  it('tells the assignee and the group once, by email and one task, and raises the priority once', async () => {
    const [assignee, member, otherMember] = [await w.staff(), await w.staff(), await w.staff()];
    // The assignee is a member too: told once, not twice.
    const groupId = await w.group([assignee, member, otherMember]);
    await w.ok('post', '/api/ticket-deadline-targets', {
      groupId: null,
      priority: 'medium',
      firstResponseSeconds: 3,
      raisePriorityOnBreach: true,
    });
    const accountId = await w.account();
    const ticketId = await w.openTicket(accountId, { groupId, assigneeUserId: assignee.id, priority: 'medium' });

    const handle = w.client.workflow.getHandle(workflowIds.ticketDeadline(ticketId));
    const described = await handle.describe();
    expect(described.typedSearchAttributes.get(searchAttributes.accountId)).toBe(accountId);
    const before = await w.ok('get', `/api/tickets/${ticketId}/deadlines`);
    expect(before.breaches).toEqual([]);
    expect(before.firstResponseDueAt).not.toBeNull();

    const [breach] = await eventually('the breach', async () => {
      const rows = await w.breaches(ticketId);
      return rows.length ? rows : undefined;
    });
    expect(breach).toMatchObject({ kind: 'first_response', priority_before: 'medium', priority_raised: 1, notified_users: 3 });
    const notices = await eventually('three notices', async () => (w.noticesOf(ticketId).length >= 3 ? w.noticesOf(ticketId) : undefined));
    expect(notices.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0].address).sort()).toEqual(
      [assignee.email, member.email, otherMember.email].sort(),
    );
    expect(await w.priority(ticketId)).toBe('high');
    const tasks = await w.tasksOf(accountId);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ id: breach.account_task_id, assigned_user_id: assignee.id });
    expect(tasks[0].title).toBe(`Ticket ${ticketId} missed its first-response target`);

    // The check run again (a retried activity, a replay) finds the breach recorded and does nothing more.
    const again = await w.sut.app.get(TicketDeadlinesService).recordBreach(ticketId, 'first_response');
    expect(again).toMatchObject({ breached: false, ended: false, next: null });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(w.noticesOf(ticketId)).toHaveLength(3);
    expect(await w.tasksOf(accountId)).toHaveLength(1);
    expect(await w.priority(ticketId)).toBe('high');
    expect(await w.breaches(ticketId)).toHaveLength(1);
    const audit: { action: string }[] = await w.sut.db.query(
      "SELECT action FROM action_history WHERE entity_type = 'ticket' AND entity_id = ? AND action IN ('ticket_deadline.breach', 'ticket.raise_priority')",
      [String(ticketId)],
    );
    expect(audit.map((a) => a.action).sort()).toEqual(['ticket.raise_priority', 'ticket_deadline.breach']);

    // Closing the ticket ends its timer.
    await w.ok('patch', `/api/tickets/${ticketId}`, { statusId: await w.statusId('closed') });
    expect(await handle.result()).toEqual({ outcome: 'ended', breaches: 1 });

    if (process.env.RECORD_HISTORIES) {
      writeFileSync(
        join(__dirname, '../workflows/histories/ticket-deadline-breached-then-closed.json'),
        historyToJSON(await handle.fetchHistory()),
      );
    }
  });
});
