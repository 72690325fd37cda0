import { Injectable } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';

export type TicketListener = (ticketIds: number[]) => Promise<void>;

/**
 * Tells whoever listens (the deadline timers) that tickets changed. Called after the
 * change has committed; a listener's failure is logged and never reaches the caller,
 * whose change stands.
 */
@Injectable()
export class TicketEvents {
  private readonly listeners: TicketListener[] = [];

  constructor(@InjectPinoLogger('TicketEvents') private readonly logger: PinoLogger) {}

  subscribe(listener: TicketListener): void {
    this.listeners.push(listener);
  }

  async changed(ticketIds: number[]): Promise<void> {
    const ids = [...new Set(ticketIds)].filter((id) => Number.isSafeInteger(id) && id > 0);
    if (!ids.length) return;
    for (const listener of this.listeners) {
      try {
        await listener(ids);
      } catch (err) {
        this.logger.warn({ ticketIds: ids, err: err instanceof Error ? err.message : String(err) }, 'A ticket listener failed');
      }
    }
  }
}
