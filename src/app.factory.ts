import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express from 'express';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppModule, AppModuleOptions } from './app.module';
import { bodyErrorHandler, jsonBodyParser, jsonOnlyMiddleware, requestIdMiddleware } from './common/http-pipeline';
import { errorBody } from './common/http-exception.filter';
import { securityHeaders } from './common/security-headers';
import { createValidationPipe } from './common/validation';
import { type AppConfig, trustProxySetting } from './config/app-config';
import { Metrics } from './metrics/metrics';
import { mountOpenApi } from './openapi';
import { mountStripeWebhookReceiver } from './webhooks/stripe-webhook-receiver';

/** Builds the HTTP application (not yet listening); main.ts and the tests share it. */
export async function createApp(config: AppConfig, options: AppModuleOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  // req.ip and req.secure come from X-Forwarded-* only when the hop that sent them is a trusted proxy.
  app.set('trust proxy', trustProxySetting(config));
  app.disable('x-powered-by');

  // First, so the processor's events skip the pipeline below (see the receiver for why).
  mountStripeWebhookReceiver(app);
  app.use(requestIdMiddleware);
  app.use(...securityHeaders({ stripeElements: Boolean(config.STRIPE_PUBLISHABLE_KEY) }));
  app.use(app.get(Metrics).middleware());
  app.use('/api', jsonOnlyMiddleware, jsonBodyParser, bodyErrorHandler, cookieParser());
  mountAdmin(app, config);
  mountSigningPage(app, config);

  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  mountOpenApi(app);
  await app.init();
  return app;
}

/** Serves the built panel under /admin, falling back to index.html for client-side routes. */
function mountAdmin(app: NestExpressApplication, config: AppConfig): void {
  const dist = resolve(config.ADMIN_DIST_DIR);
  const index = join(dist, 'index.html');
  app.use('/admin', express.static(dist, { index: false, maxAge: '1h', setHeaders: noCacheForHtml }));
  app.use('/admin', (req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (req.method !== 'GET') return next();
    if (!existsSync(index)) {
      res.status(503).json(errorBody(503, 'The admin panel is not built; run npm run build:admin'));
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

/**
 * Serves the public signing page at /sign; its link carries the token after '#', so the page's
 * address holds nothing secret and its assets load from /admin/assets like the panel's.
 */
function mountSigningPage(app: NestExpressApplication, config: AppConfig): void {
  const page = join(resolve(config.ADMIN_DIST_DIR), 'sign.html');
  app.use('/sign', (req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (req.method !== 'GET' || (req.path !== '/' && req.path !== '')) return next();
    if (!existsSync(page)) {
      res.status(503).json(errorBody(503, 'The signing page is not built; run npm run build:admin'));
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(page);
  });
}

function noCacheForHtml(res: express.Response, path: string): void {
  if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
