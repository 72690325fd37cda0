import { Injectable } from '@nestjs/common';
import { BillRunActivities } from '../../src/bill-runs/bill-run.activities';
import { Activity } from '../../src/temporal/activity.decorator';
import { bindActivities } from '../../src/temporal/activity-registry';
import { ACTIVITY_PROVIDERS } from '../../src/worker-activities';
import { StripeEventActivities } from '../../src/webhooks/stripe-event.activities';

/** An instance with no dependencies is enough: binding reads only the prototype. */
const bare = (type: { prototype: object }) => Object.create(type.prototype) as object;

@Injectable()
class InvoiceChaser {
  @Activity()
  async chaseInvoice(): Promise<string> {
    return this.wording();
  }

  private async wording(): Promise<string> {
    return 'please pay';
  }
}

@Injectable()
class PaymentChaser {
  @Activity()
  async chaseInvoice(): Promise<string> {
    return 'paid?';
  }
}

@Injectable()
class Unmarked {
  async forgotten(): Promise<void> {}
}

describe('activity registration', () => {
  it('registers the marked methods and leaves helpers and private methods out', async () => {
    const activities = bindActivities([InvoiceChaser], bare);
    expect(Object.keys(activities)).toEqual(['chaseInvoice']);
    await expect(activities.chaseInvoice()).resolves.toBe('please pay');
  });

  it('refuses two classes offering one name, naming both', () => {
    expect(() => bindActivities([InvoiceChaser, PaymentChaser], bare)).toThrow(
      'Activity chaseInvoice is offered by both InvoiceChaser and PaymentChaser',
    );
  });

  it('refuses a listed class that marks nothing', () => {
    expect(() => bindActivities([Unmarked], bare)).toThrow(/Unmarked .* marks no method/);
  });

  it("keeps the product's private helpers out of the worker", () => {
    const activities = bindActivities(ACTIVITY_PROVIDERS, bare);
    for (const helper of ['billLocked', 'boundsOf', 'attemptFor', 'charge', 'record', 'handle', 'batchState', 'accountOf']) {
      expect(activities).not.toHaveProperty(helper);
    }
    expect(typeof BillRunActivities.prototype['billLocked' as keyof BillRunActivities]).toBe('function');
    expect(typeof StripeEventActivities.prototype['handle' as keyof StripeEventActivities]).toBe('function');
    expect(activities).toHaveProperty('processStripeEvent');
    expect(Object.keys(activities)).not.toContain('constructor');
    expect(bindActivities([StripeEventActivities], bare)).toEqual({
      processStripeEvent: expect.any(Function),
      processStripeEventBatch: expect.any(Function),
    });
  });
});
