import { RequestMethod } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '../config/app-config';

/**
 * JSON logs with the request id on every line. Credentials never reach a log:
 * headers that carry them are censored and request bodies are not logged at all.
 */
export function loggerOptions(config: AppConfig, stream?: DestinationStream): Params {
  const options = {
    level: config.LOG_LEVEL,
    genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id: string }).id,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token', '*.passwordHash'],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: IncomingMessage & { id?: string }) => ({ id: req.id, method: req.method, url: req.url?.split('?')[0] }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
  };
  // Every route, in the wildcard syntax of Express 5's router; the library's default ('*') is the
  // old syntax, which Nest converts with a warning at every start.
  return { pinoHttp: stream ? [options, stream] : options, forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }] };
}
