import type { OpenAPIObject } from '@nestjs/swagger';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** "account-types" -> "account types"; the file extension of "export.csv" is dropped. */
const words = (segment: string) => segment.replace(/\.\w+$/, '').replace(/-/g, ' ');

/** English singular of the plurals our paths use (categories, statuses, taxes, invoices). */
export function singular(noun: string): string {
  if (/ies$/.test(noun)) return noun.replace(/ies$/, 'y');
  if (/(ss|us|x|ch|sh)es$/.test(noun)) return noun.replace(/es$/, '');
  if (/s$/.test(noun) && !/ss$/.test(noun)) return noun.replace(/s$/, '');
  return noun;
}

// "an account", but "a user": a leading u reads as "you" in the nouns we have.
const article = (noun: string) => (/^[aeio]/.test(noun) ? `an ${noun}` : `a ${noun}`);

/** Splits a handler name into lower-case words: "voidInvoice" -> "void invoice". */
const methodWords = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A summary for an operation whose controller gave none, from the handler's name and the
 * path. The conventional handlers (list, get, create, update, remove) read as a verb on the
 * resource the path names, e.g. "List an account's tax overrides" or "Delete a tax zone";
 * any other handler's name is its summary ("applyCredits" -> "Apply credits"), so a name
 * that reads badly that way gets an explicit @ApiOperation instead.
 */
export function derivedSummary(method: string, path: string, operationId: string): string {
  const handler = operationId.split('_').pop() ?? operationId;
  const segments = path.split('/').filter((s) => s && s !== 'api');
  const endsWithParam = /^\{.+\}$/.test(segments[segments.length - 1] ?? '');
  const fixed = segments.filter((s) => !/^\{.+\}$/.test(s));
  const resource = words(fixed[fixed.length - 1] ?? '');
  // The parent a nested collection belongs to: /accounts/{id}/emails -> "an account's".
  const parentIndex = segments.lastIndexOf(fixed[fixed.length - 1]) - 2;
  const owner =
    parentIndex >= 0 && /^\{.+\}$/.test(segments[parentIndex + 1]) ? `${article(singular(words(segments[parentIndex])))}'s ` : '';
  const one = endsWithParam ? article(singular(resource)) : `the ${resource}`;

  if (handler === 'list' && method === 'get') return sentence(`list ${owner}${resource}`);
  if (handler === 'get' && method === 'get') return sentence(`get ${one}`);
  if ((handler === 'create' || handler === 'add') && method === 'post')
    return sentence(`${handler} ${article(singular(resource))}${owner ? ` for ${owner.replace(/'s $/, '')}` : ''}`);
  if (handler === 'update' && (method === 'put' || method === 'patch')) return sentence(`update ${one}`);
  if ((handler === 'remove' || handler === 'delete') && method === 'delete') return sentence(`delete ${one}`);
  return sentence(methodWords(handler));
}

/** Gives every operation without a summary the derived one. */
export function addSummaries(document: OpenAPIObject): void {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op && !op.summary) op.summary = derivedSummary(method, path, op.operationId ?? '');
    }
  }
}
