import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import express, { type Request, type RequestHandler, type Response } from 'express';
import { sendError } from '../common/http-exception.filter';
import { bodyErrorHandler, jsonBodyParser, jsonOnlyMiddleware, requestIdMiddleware } from '../common/http-pipeline';
import { Metrics } from '../metrics/metrics';
import { StripeWebhooksService } from './stripe-webhooks.service';

export const STRIPE_WEBHOOK_PATH = '/api/webhooks/stripe';

const logger = new Logger('StripeWebhookReceiver');

/**
 * Mounts `POST /api/webhooks/stripe` ahead of the rest of the HTTP pipeline.
 *
 * On the first of the month a processor delivers an event for every charge, hundreds a
 * second, while the worker bills on the same machine. Each event is stored and answered
 * (StripeWebhooksService.receive); the framework's pipeline around that (routing through a
 * hundred routes, access logs, cookies, guards, interceptors) cost several times the work
 * itself, and the processor's answers waited on it. So the route takes only what it needs:
 * a request id, its timing in the metrics, the JSON-only and body-size rules every route
 * has, and the same error shape. Its authentication is the signature on the body, which
 * receive() checks before anything is written.
 */
export function mountStripeWebhookReceiver(app: INestApplication): void {
  const service = app.get(StripeWebhooksService);
  const timed = app.get(Metrics).middlewareFor(STRIPE_WEBHOOK_PATH);
  const route = express.Router();
  route.post('/', requestIdMiddleware, timed, jsonOnlyMiddleware, jsonBodyParser, bodyErrorHandler, receiver(service));
  // Any other method or path falls through to the framework, which answers as it does for every route.
  app.use(STRIPE_WEBHOOK_PATH, route);
}

function receiver(service: StripeWebhooksService): RequestHandler {
  return (req: Request & { rawBody?: Buffer }, res: Response) => {
    service.receive(req.rawBody, req.header('stripe-signature')).then(
      (receipt) => res.status(200).json(receipt),
      (err: unknown) => {
        const body = sendError(res, err);
        if (body.statusCode >= 500) logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
        else logger.warn(`Refused a Stripe event: ${body.message}`);
      },
    );
  };
}

/** The route in the API document, as a controller's would be: it is served outside the controllers. */
export function documentStripeWebhook(document: OpenAPIObject): void {
  document.paths[STRIPE_WEBHOOK_PATH] = {
    post: {
      operationId: 'receiveStripeWebhook',
      summary: 'Receive a Stripe event',
      description:
        'Public: the signature on the raw body is the authentication. The event is stored once by its id and answered; ' +
        'processing follows in Temporal, after the answer.',
      tags: ['webhooks'],
      security: [],
      parameters: [{ name: 'Stripe-Signature', in: 'header', required: true, schema: { type: 'string' } }],
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
      responses: {
        '200': {
          description: 'Stored (or a repeat of an event already stored) and queued for processing',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['received', 'eventId', 'duplicate'],
                properties: {
                  received: { type: 'boolean', enum: [true] },
                  eventId: { type: 'string' },
                  duplicate: { type: 'boolean', description: 'The event id had been received before; nothing new was stored' },
                },
              },
            },
          },
        },
        '400': {
          description: 'Missing, wrong or stale signature, or a body that is not an event; nothing is stored',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponseDto' } } },
        },
      },
      'x-public': true,
    } as OpenAPIObject['paths'][string]['post'],
  };
}
