import type { OpenAPIObject } from '@nestjs/swagger';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

type Schema = SchemaObject & Partial<ReferenceObject>;

/**
 * @nestjs/swagger wraps every reference to a named enum in a one-member `allOf`, so that a
 * description or `nullable` can sit beside it. OpenAPI 3.0 gives such a wrapper no meaning:
 * `nullable` counts only beside a `type`, and keywords beside a `$ref` are ignored. This
 * rewrites each wrapper into a form 3.0 readers agree on:
 * - nothing beside the reference: the bare `$ref`, so clients keep the named type;
 * - a nullable enum: the enum written out in place, with `null` among its values (3.0.3 asks for that);
 * - an enum with a description: written out in place, so the description is not lost.
 * Any other wrapper is left for the linter to point at. A named enum that ends up written out
 * everywhere it was used is dropped from the components, where it would only be dead weight.
 */
export function normalizeSchemas(document: OpenAPIObject): void {
  const named = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const target = (ref: string): Schema | undefined => named[ref.replace('#/components/schemas/', '')];

  const inlined = new Set<string>();
  const rewrite = (schema: Schema): Schema => {
    const { allOf, ...rest } = schema;
    if (allOf?.length !== 1) return schema;
    const inner = allOf[0] as Schema;
    if (Object.keys(rest).length === 0) return inner;
    const enumSchema = inner.$ref ? target(inner.$ref) : undefined;
    if (!enumSchema?.enum || !enumSchema.type) return schema;
    inlined.add(inner.$ref as string);
    const values = rest.nullable ? [...enumSchema.enum, null] : enumSchema.enum;
    return { type: enumSchema.type, ...rest, enum: values };
  };

  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) out[key] = visit(value);
    return Array.isArray(out.allOf) ? rewrite(out as Schema) : out;
  };

  document.paths = visit(document.paths) as OpenAPIObject['paths'];
  if (document.components) document.components = visit(document.components) as OpenAPIObject['components'];

  const text = JSON.stringify(document);
  for (const ref of inlined) {
    if (!text.includes(`"${ref}"`)) delete document.components?.schemas?.[ref.replace('#/components/schemas/', '')];
  }
}
