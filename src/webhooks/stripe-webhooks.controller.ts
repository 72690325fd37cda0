import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../auth/auth.decorators';
import { StripeWebhooksService } from './stripe-webhooks.service';

@ApiTags('webhooks')
@Controller('webhooks')
export class StripeWebhooksController {
  constructor(private readonly webhooks: StripeWebhooksService) {}

  /** Public: the signature, checked on the raw body, is the authentication. */
  @Post('stripe')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ description: '{received, eventId, duplicate}: stored and queued for processing' })
  @ApiBadRequestResponse({ description: 'Missing, wrong or stale signature; nothing is stored' })
  @ApiOperation({ summary: 'Receive a Stripe event' })
  receive(@Req() req: Request & { rawBody?: Buffer }, @Headers('stripe-signature') signature?: string) {
    return this.webhooks.receive(req.rawBody, signature);
  }
}
