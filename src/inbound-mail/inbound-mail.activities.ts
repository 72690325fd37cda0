import { Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { Activity } from '../temporal/activity.decorator';
import { InboundMailService, InboundPollReport } from './inbound-mail.service';

/** Activities of the inbound mail reader; each is safe to repeat. */
@Injectable()
export class InboundMailActivities {
  constructor(private readonly inbound: InboundMailService) {}

  /** Files the next batch of new messages of the mailbox; `configured` false when this deployment no longer reads it. */
  @Activity()
  async pollInboundMail(input: { mailbox: string }): Promise<InboundPollReport> {
    return this.inbound.poll({ mailboxKey: input.mailbox, onProgress: () => Context.current().heartbeat() });
  }
}
