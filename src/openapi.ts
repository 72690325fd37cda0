import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { ParameterObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { AppModule } from './app.module';
import { SESSION_COOKIE } from './auth/auth.decorators';
import { ErrorResponseDto } from './common/error-response.dto';
import { normalizeSchemas } from './common/openapi-schemas';
import { declareSecuritySchemes, openPublicOperations } from './common/openapi-security';
import { addSummaries } from './common/openapi-summaries';
import { loadConfig } from './config/app-config';
import { documentStripeWebhook } from './webhooks/stripe-webhook-receiver';

const ERROR_REF = { $ref: '#/components/schemas/ErrorResponseDto' };

/**
 * Every operation documents the shared error shape for the failures it can
 * produce, so clients see one contract instead of per-route variations.
 */
function addErrorResponses(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const op = item[method];
      if (!op) continue;
      const hasBody = Boolean(op.requestBody);
      const hasParams = (op.parameters ?? []).length > 0;
      const add = (status: string, description: string) => {
        op.responses[status] ??= { description, content: { 'application/json': { schema: ERROR_REF } } };
      };
      if (hasBody || hasParams) add('400', 'Invalid input; details name each field and rule');
      if ((op.parameters ?? []).some((p) => 'in' in p && p.in === 'path')) add('404', 'No such record');
      if (hasBody) add('415', 'The body is not application/json');
      add('500', 'Unexpected failure; the body carries a request id to quote');
    }
  }
}

/**
 * A header read with `@Headers('name')` is documented by Nest a second time under its lower-case
 * name, beside the one its `@ApiHeader` describes. Header names ignore case, so one is kept: the
 * described one.
 */
function dropRepeatedHeaders(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const op = item[method];
      if (!op?.parameters) continue;
      const headers = op.parameters.filter((p) => 'in' in p && p.in === 'header') as ParameterObject[];
      op.parameters = op.parameters.filter(
        (p) =>
          !('in' in p && p.in === 'header' && !p.description) ||
          !headers.some((other) => other !== p && other.description && other.name.toLowerCase() === p.name.toLowerCase()),
      );
    }
  }
}

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Backhaul API')
    .setDescription(
      'Account management and billing for ISPs. Lists follow the simple-REST dialect: ' +
        '`sort`, `range` and `filter` query parameters, and a Content-Range header on the answer.',
    )
    .setVersion('0.1.0')
    .setLicense('AGPL-3.0-or-later', 'https://www.gnu.org/licenses/agpl-3.0.html')
    // Relative, so the docs page and clients call the instance that served the document.
    .addServer('/', 'The instance serving this document');
  const config = declareSecuritySchemes(builder, SESSION_COOKIE).build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponseDto] });
  documentStripeWebhook(document);
  addErrorResponses(document);
  dropRepeatedHeaders(document);
  openPublicOperations(document);
  addSummaries(document);
  normalizeSchemas(document);
  return document;
}

export function mountOpenApi(app: INestApplication): void {
  // Built on the first request for it, not at start: every process that never serves the
  // docs (workers, each test's app) is spared walking a hundred routes' metadata.
  SwaggerModule.setup('api/docs', app, () => buildOpenApi(app), { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
}

/**
 * The same document, without a database, Temporal or a listening server: Nest's preview mode
 * reads the module graph and the routes but creates no provider, so nothing connects. The
 * settings are placeholders; none of them shapes the document.
 */
export async function buildOpenApiOffline(): Promise<OpenAPIObject> {
  const config = loadConfig({ DATABASE_URL: 'mysql://openapi@127.0.0.1:1/unused', LOG_LEVEL: 'silent' });
  const app = await NestFactory.create(AppModule.forRoot(config), { preview: true, logger: false, abortOnError: false });
  try {
    // As createApp does; the paths in the document carry the prefix.
    app.setGlobalPrefix('api');
    return buildOpenApi(app);
  } finally {
    await app.close();
  }
}
