import type { FieldError } from './errors';

/** Where @nestjs/swagger keeps each DTO property's documented schema. */
const SWAGGER_PROPERTY = 'swagger/apiModelProperties';

interface DocumentedProperty {
  type?: unknown;
  isArray?: boolean;
  nullable?: boolean;
}

type Constructor = abstract new (...args: never[]) => unknown;

const SCALARS = new Set<unknown>([String, Number, Boolean, Object, Array, Date]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function documented(dto: Constructor, key: string): DocumentedProperty | undefined {
  return Reflect.getMetadata(SWAGGER_PROPERTY, dto.prototype as object, key) as DocumentedProperty | undefined;
}

/** The DTO class a property holds (one, or each of an array), when it holds one. */
function nestedDto(property: DocumentedProperty): { dto: Constructor; isArray: boolean } | undefined {
  let type = property.type;
  let isArray = property.isArray === true;
  // `type: () => Foo` defers the class; a class has a prototype, an arrow function has none.
  if (typeof type === 'function' && !('prototype' in type && type.prototype)) type = (type as () => unknown)();
  if (Array.isArray(type)) {
    isArray = true;
    type = type[0];
  }
  if (typeof type !== 'function' || SCALARS.has(type)) return undefined;
  return { dto: type as Constructor, isArray };
}

/** Keys that reach an object's prototype; class-transformer drops them silently, so `{"__proto__": …}` would pass as `{}`. */
const OBJECT_INTERNALS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Checks every value of the body, documented or not: no key that reaches an object's
 * internals, and no number a double cannot hold exactly (1e308 is an "integer" to
 * class-validator, and 2^53 + 1 arrives as 2^53). Nothing we store is that large.
 */
function valueProblems(value: unknown, field: string): FieldError[] {
  if (typeof value === 'number') {
    return Math.abs(value) <= Number.MAX_SAFE_INTEGER
      ? []
      : [
          {
            field: field || 'body',
            rule: 'safeNumber',
            message: `${field || 'body'} must be between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`,
          },
        ];
  }
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const path = field ? `${field}.${key}` : key;
    if (OBJECT_INTERNALS.has(key)) return [{ field: path, rule: 'unknownField', message: `${path} is not an accepted field` }];
    return valueProblems(inner, path);
  });
}

/**
 * The problems class-validator lets through, checked against what the DTO documents
 * in OpenAPI: null sent for a property not documented as nullable (class-validator's
 * @IsOptional lets null pass, and services would read it as a value), and an array or
 * a scalar where a nested object belongs (which would otherwise validate as an empty
 * object and erase what it replaces). Runs on the parsed body before validation.
 */
export function shapeProblems(body: unknown, dto: Constructor, parent = ''): FieldError[] {
  // No body at all is left to the validation itself, as before.
  if (body === undefined) return [];
  if (!isPlainObject(body)) {
    return parent ? [] : [{ field: 'body', rule: 'isObject', message: 'the body must be a JSON object' }];
  }
  const problems: FieldError[] = parent ? [] : valueProblems(body, '');
  for (const [key, value] of Object.entries(body)) {
    if (OBJECT_INTERNALS.has(key)) continue; // reported by valueProblems
    const property = documented(dto, key);
    if (!property) continue; // unknown fields are refused by name by the whitelist
    const field = parent ? `${parent}.${key}` : key;
    if (value === null) {
      if (!property.nullable) problems.push({ field, rule: 'notNull', message: `${field} must not be null; leave it out instead` });
      continue;
    }
    if (value === undefined) continue;
    const nested = nestedDto(property);
    if (!nested) continue;
    if (nested.isArray) {
      if (!Array.isArray(value)) {
        problems.push({ field, rule: 'isArray', message: `${field} must be an array` });
        continue;
      }
      value.forEach((item: unknown, index) => {
        const itemField = `${field}.${index}`;
        if (!isPlainObject(item)) problems.push({ field: itemField, rule: 'isObject', message: `${itemField} must be an object` });
        else problems.push(...shapeProblems(item, nested.dto, itemField));
      });
    } else if (!isPlainObject(value)) {
      problems.push({ field, rule: 'isObject', message: `${field} must be an object` });
    } else {
      problems.push(...shapeProblems(value, nested.dto, field));
    }
  }
  return problems;
}
