import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import { randomUUID } from 'node:crypto';
import { errorBody } from './http-exception.filter';
import { requestContext } from './request-context';

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/** Gives every request an id (the caller's X-Request-Id when sane) and opens its context. */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  const id = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  (req as Request & { id: string }).id = id;
  res.setHeader('X-Request-Id', id);
  requestContext.run({ requestId: id, ip: req.ip }, next);
}

/**
 * The routes that take multipart/form-data (account files, elevation tiles). Each handler reads the
 * stream itself, after the guards, so no global parser may touch it.
 */
const MULTIPART_ROUTES = [
  { method: 'POST', path: /^\/api\/account-files\/?$/i },
  { method: 'POST', path: /^\/api\/elevation-tiles\/?$/i },
  { method: 'POST', path: /^\/api\/voice-rate-plans\/\d+\/deck\/?$/i },
  { method: 'POST', path: /^\/api\/voice-cdr-files\/?$/i },
];

function acceptsMultipart(req: Request): boolean {
  const path = req.originalUrl.split('?')[0];
  return MULTIPART_ROUTES.some((route) => route.method === req.method && route.path.test(path)) && Boolean(req.is('multipart/form-data'));
}

/** Bodies are JSON, except on the upload routes above. Anything else is refused before it is parsed. */
export function jsonOnlyMiddleware(req: Request, res: Response, next: NextFunction): void {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !req.is('application/json') && !acceptsMultipart(req)) {
    res
      .status(415)
      .json(
        errorBody(415, 'Send the body as application/json', [
          { field: 'Content-Type', rule: 'mediaType', message: `Content-Type ${req.headers['content-type'] ?? '(none)'} is not accepted` },
        ]),
      );
    return;
  }
  next();
}

/**
 * Deepest nesting of objects and arrays a body may have. No request of ours goes
 * past a handful of levels; thousands would overflow the stack of the recursive
 * validation that follows parsing, so such a body is refused before it is parsed.
 */
export const MAX_JSON_DEPTH = 400;

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** How deep the JSON text nests, read off the bytes in one pass (brackets inside strings do not count). */
export function jsonDepth(body: Buffer): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < body.length; i += 1) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth -= 1;
    }
  }
  return deepest;
}

class TooDeepError extends Error {
  readonly type = 'entity.too.deep';
  constructor(readonly depth: number) {
    super(`the body nests ${depth} levels deep; at most ${MAX_JSON_DEPTH} are accepted`);
  }
}

/**
 * Refuses bodies nested too deeply. Webhook signatures are computed over the bytes
 * as sent, so webhook routes also keep the raw body beside the parsed one; other
 * routes do not pay for the copy.
 */
export const jsonBodyParser = express.json({
  limit: '1mb',
  verify: (req: Request & { rawBody?: Buffer }, _res: Response, body: Buffer) => {
    const depth = jsonDepth(body);
    if (depth > MAX_JSON_DEPTH) throw new TooDeepError(depth);
    if (req.originalUrl.startsWith('/api/webhooks/')) req.rawBody = body;
  },
});

/** body-parser's own errors would otherwise reach Express's HTML error page. */
export function bodyErrorHandler(err: Error & { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction): void {
  if (err.type === 'entity.parse.failed') {
    res.status(400).json(errorBody(400, 'The body is not valid JSON', [{ field: 'body', rule: 'json', message: err.message }]));
  } else if (err.type === 'entity.too.deep') {
    res.status(400).json(errorBody(400, 'The body is nested too deeply', [{ field: 'body', rule: 'maxDepth', message: err.message }]));
  } else if (err.type === 'entity.too.large') {
    res.status(413).json(errorBody(413, 'The body is too large', [{ field: 'body', rule: 'maxSize', message: 'at most 1 MB' }]));
  } else if (err.status && err.status >= 400 && err.status < 500) {
    res.status(err.status).json(errorBody(err.status, err.message));
  } else {
    next(err);
  }
}
