import type { OpenAPIObject } from '@nestjs/swagger';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { buildOpenApiOffline } from '../../src/openapi';

/**
 * The document integrators generate clients from passes Redocly's recommended rules, with the
 * repository's redocly.yaml, as `npm run check` runs them; built without any service running.
 */

const ROOT = resolve(__dirname, '../..');
const REDOCLY = join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Problem {
  ruleId: string;
  severity: string;
  message: string;
  location: { pointer: string }[];
}

/** Every problem Redocly finds in the document, warnings included, as "rule pointer: message". */
async function lint(document: OpenAPIObject, dir: string): Promise<string[]> {
  const file = join(dir, `openapi-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(document));
  const args = [REDOCLY, 'lint', file, '--config', join(ROOT, 'redocly.yaml'), '--format', 'json', '--max-problems', '1000'];
  // Redocly exits 1 when it finds errors; the JSON report on stdout says which either way.
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: dir, maxBuffer: 64 * 1024 * 1024 }).catch(
    (err: { stdout?: string; stderr?: string }) => {
      if (!err.stdout) throw new Error(`redocly lint did not run: ${err.stderr}`);
      return { stdout: err.stdout };
    },
  );
  const report = JSON.parse(stdout) as { problems: Problem[] };
  return report.problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
}

function operations(document: OpenAPIObject) {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => {
      const op = item[method] as NonNullable<(typeof item)[typeof method]> & Record<string, unknown>;
      return { name: `${method.toUpperCase()} ${path}`, op };
    }),
  );
}

describe('the OpenAPI document', () => {
  let document: OpenAPIObject;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'backhaul-openapi-'));
    document = await buildOpenApiOffline();
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lints clean under the recommended rules, warnings included', async () => {
    expect(operations(document).length).toBeGreaterThan(200);
    expect(await lint(document, dir)).toEqual([]);
  }, 120_000);

  it('is linted for real: a document missing a summary, a server and a security scheme fails', async () => {
    const broken = JSON.parse(JSON.stringify(document)) as OpenAPIObject;
    broken.servers = [];
    delete broken.paths['/api/accounts'].get!.summary;
    delete broken.components!.securitySchemes!.session;
    const rules = new Set((await lint(broken, dir)).map((line) => line.split(' ')[1]));
    expect([...rules].sort()).toEqual(['no-empty-servers', 'operation-summary', 'security-defined']);
  }, 120_000);

  it('asks for a session (bearer token or cookie) on every operation but the public ones', () => {
    const open: string[] = [];
    const wrong: string[] = [];
    for (const { name, op } of operations(document)) {
      if (op['x-public'] === true) {
        open.push(name);
        if (JSON.stringify(op.security) !== '[]') wrong.push(`${name} is public but declares ${JSON.stringify(op.security)}`);
      } else if (JSON.stringify(op.security) !== JSON.stringify([{ bearer: [] }, { session: [] }])) {
        wrong.push(`${name} declares ${JSON.stringify(op.security)}`);
      }
    }
    expect(wrong).toEqual([]);
    // The webhook's signature, checked on the raw body, is its authentication (test/webhooks); the
    // signing page's token, in the body, is the key to its one document (test/contracts); an
    // address list's fetch key, as a bearer token, opens that one list to a router (test/address-lists).
    expect(open.sort()).toEqual([
      'GET /api/address-lists/{name}/entries',
      'GET /api/health',
      'POST /api/auth/login',
      'POST /api/public/contract-signing/decline',
      'POST /api/public/contract-signing/sign',
      'POST /api/public/contract-signing/view',
      'POST /api/webhooks/stripe',
    ]);
    expect(document.components?.securitySchemes).toMatchObject({
      bearer: { type: 'http', scheme: 'bearer' },
      session: { type: 'apiKey', in: 'cookie', name: 'backhaul_session' },
    });
  });

  it('gives every operation a summary of its own and a success response', () => {
    const summaries = new Map<string, string[]>();
    const withoutSuccess: string[] = [];
    for (const { name, op } of operations(document)) {
      summaries.set(op.summary ?? '', [...(summaries.get(op.summary ?? '') ?? []), name]);
      if (!Object.keys(op.responses).some((status) => /^2\d\d$/.test(status))) withoutSuccess.push(name);
    }
    const shared = [...summaries].filter(([, names]) => names.length > 1).map(([summary, names]) => `${summary}: ${names.join(', ')}`);
    expect(shared).toEqual([]);
    expect(withoutSuccess).toEqual([]);
  });

  it('shows integrators an example body on the main write routes (the lint checks each against its schema)', () => {
    const examples = (path: string) =>
      Object.keys(
        (document.paths[path].post?.requestBody as { content: Record<string, { examples?: object }> }).content['application/json']
          .examples ?? {},
      );
    expect(examples('/api/accounts').length).toBeGreaterThan(0);
    expect(examples('/api/payments').length).toBeGreaterThan(0);
    expect(examples('/api/invoices').length).toBeGreaterThan(0);
  });
});
