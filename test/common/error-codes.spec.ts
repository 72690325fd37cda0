import { ArgumentsHost, HttpStatus } from '@nestjs/common';
import type { PinoLogger } from 'nestjs-pino';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AuthErrorCode } from '../../src/auth/auth.error-codes';
import { CommonErrorCode } from '../../src/common/common.error-codes';
import { DomainException, ErrorCode } from '../../src/common/errors';
import { ALL_ERROR_CODES, ERROR_CODE_ENUMS } from '../../src/common/errors-catalogue';
import { HTTP_STATUS_OF } from '../../src/common/errors-http-status';
import { HttpExceptionFilter } from '../../src/common/http-exception.filter';
import { UsersErrorCode } from '../../src/users/users.error-codes';
import { WebhooksErrorCode } from '../../src/webhooks/webhooks.error-codes';
import { createTestApp, TestApp } from '../support/test-app';

const SRC = join(__dirname, '../../src');

/** Every enum exported by a `*.error-codes.ts` file anywhere under src, with the folder it lives in. */
function declaredEnums(): { folder: string; codes: Record<string, string>; values: string[] }[] {
  return readdirSync(SRC, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(join(SRC, dir.name))
        .filter((file) => file.endsWith('.error-codes.ts'))
        .flatMap((file) => {
          const exported = require(join(SRC, dir.name, file)) as Record<string, Record<string, string>>;
          return Object.values(exported).map((codes) => ({ folder: dir.name, codes, values: Object.values(codes) }));
        }),
    );
}

/** What the filter writes for one exception, read off a response that only records. */
function answer(exception: unknown): { status: number; body: { code?: string; statusCode: number } } {
  const logger = { error: () => undefined } as unknown as PinoLogger;
  const sent: { status: number; body: { code?: string; statusCode: number } } = { status: 0, body: { statusCode: 0 } };
  const res = {
    headersSent: false,
    set: () => res,
    status: (status: number) => ((sent.status = status), res),
    json: (body: { code?: string; statusCode: number }) => ((sent.body = body), res),
  };
  const host = { switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost;
  new HttpExceptionFilter(logger).catch(exception, host);
  return sent;
}

describe('error codes', () => {
  it('lists every enum a domain declares, under its own folder name', () => {
    const declared = declaredEnums();
    expect(declared.length).toBeGreaterThanOrEqual(20);
    for (const { folder, codes, values } of declared) {
      expect(ERROR_CODE_ENUMS[folder as keyof typeof ERROR_CODE_ENUMS]).toBe(codes);
      expect(values.length).toBeGreaterThan(0);
    }
    expect(Object.keys(ERROR_CODE_ENUMS).sort()).toEqual(declared.map((d) => d.folder).sort());
  });

  it('gives each code to one domain only', () => {
    const owners = new Map<string, string[]>();
    for (const { folder, values } of declaredEnums()) for (const code of values) owners.set(code, [...(owners.get(code) ?? []), folder]);
    const shared = [...owners].filter(([, folders]) => folders.length > 1);
    expect(shared).toEqual([]);
    expect(new Set(ALL_ERROR_CODES).size).toBe(ALL_ERROR_CODES.length);
  });

  it('maps every code, and only the codes, to an error status the filter answers with', () => {
    expect(Object.keys(HTTP_STATUS_OF).sort()).toEqual([...ALL_ERROR_CODES].sort());
    for (const code of ALL_ERROR_CODES) {
      const sent = answer(new DomainException(code, `broke ${code}`));
      expect({ code, status: sent.status }).toEqual({ code, status: HTTP_STATUS_OF[code] });
      expect(sent.status).toBeGreaterThanOrEqual(400);
      expect(sent.status).toBeLessThan(600);
      expect(sent.body).toMatchObject({ code, statusCode: sent.status });
    }
  });

  it('leaves anything unforeseen as a 500 without a code', () => {
    const sent = answer(new Error('boom'));
    expect(sent.status).toBe(HttpStatus.INTERNAL_SERVER_ERROR);
    expect(sent.body.code).toBeUndefined();
  });

  describe('over HTTP', () => {
    let sut: TestApp;
    let token: string;
    beforeAll(async () => {
      sut = await createTestApp();
      token = (await sut.admin()).token;
    });
    afterAll(() => sut.close());

    it('answers a request without a token with the auth code', async () => {
      const res = await sut.http().get('/api/roles').expect(401);
      expect(res.body.code).toBe<ErrorCode>(AuthErrorCode.Unauthenticated);
    });

    it('answers a missing record with the common code', async () => {
      const res = await sut.http().get('/api/roles/999999999').auth(token, { type: 'bearer' }).expect(404);
      expect(res.body.code).toBe<ErrorCode>(CommonErrorCode.NotFound);
    });

    it('answers a role name used twice with the users code', async () => {
      const create = () =>
        sut.http().post('/api/roles').auth(token, { type: 'bearer' }).send({ name: 'Error codes twin', permissions: [] });
      await create().expect(201);
      const res = await create().expect(409);
      expect(res.body.code).toBe<ErrorCode>(UsersErrorCode.RoleNameTaken);
    });

    it('answers a webhook with a forged signature with the webhooks code', async () => {
      const res = await sut
        .http()
        .post('/api/webhooks/stripe')
        .set('Content-Type', 'application/json')
        .set('Stripe-Signature', 't=1,v1=forged')
        .send('{"id":"evt_forged"}')
        .expect(400);
      expect(res.body.code).toBe<ErrorCode>(WebhooksErrorCode.InvalidSignature);
    });

    it('publishes every code as the enum of the error schema', async () => {
      const doc = (await sut.http().get('/api/docs-json').expect(200)).body;
      // The enum is written out in place, so its description stays beside it (OpenAPI 3.0 ignores siblings of a $ref).
      const code = doc.components.schemas.ErrorResponseDto.properties.code;
      expect(code.type).toBe('string');
      expect([...code.enum].sort()).toEqual([...ALL_ERROR_CODES].sort());
    });
  });
});
