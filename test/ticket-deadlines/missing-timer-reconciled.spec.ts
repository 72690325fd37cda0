import { workflowIds } from '../../workflows/shared';
import { DeadlinesWorld, eventually } from './deadlines-world';

describe('an open ticket whose timer is gone', () => {
  let w: DeadlinesWorld;

  beforeAll(async () => {
    w = await DeadlinesWorld.start();
  });
  afterAll(async () => {
    await w.close();
  });

  it('gets a timer again from the reconciliation, and only once however often it runs', async () => {
    const accountId = await w.account();
    const ticketId = await w.openTicket(accountId);
    const closed = await w.openTicket(accountId);
    await w.ok('patch', `/api/tickets/${closed}`, { statusId: await w.statusId('closed') });
    const handle = w.client.workflow.getHandle(workflowIds.ticketDeadline(ticketId));
    expect((await handle.describe()).status.name).toBe('RUNNING');
    // The closed ticket's timer ended with it.
    await expect(w.client.workflow.getHandle(workflowIds.ticketDeadline(closed)).result()).resolves.toMatchObject({ outcome: 'ended' });

    await handle.terminate('lost by hand');
    await eventually('the visibility store to see the end', async () => {
      const running = [];
      for await (const e of w.client.workflow.list({
        query: `WorkflowId = '${workflowIds.ticketDeadline(ticketId)}' AND ExecutionStatus = 'Running'`,
      }))
        running.push(e);
      return running.length === 0 ? true : undefined;
    });

    const first = await w.ok('post', '/api/ticket-deadlines/reconcile');
    expect(first).toEqual({ openTickets: 1, started: 1 });
    const again = w.client.workflow.getHandle(workflowIds.ticketDeadline(ticketId));
    expect((await again.describe()).status.name).toBe('RUNNING');
    await eventually('the visibility store to see the new run', async () => {
      const running = [];
      for await (const e of w.client.workflow.list({
        query: `WorkflowId = '${workflowIds.ticketDeadline(ticketId)}' AND ExecutionStatus = 'Running'`,
      }))
        running.push(e);
      return running.length === 1 ? true : undefined;
    });
    expect(await w.ok('post', '/api/ticket-deadlines/reconcile')).toEqual({ openTickets: 1, started: 0 });
    // The closed ticket got none.
    await expect(w.client.workflow.getHandle(workflowIds.ticketDeadline(closed)).describe()).resolves.toMatchObject({
      status: { name: 'COMPLETED' },
    });
  });
});
