import { Fragment, type MouseEvent } from 'react';
import { Link } from 'react-admin';
import type { ActionHistoryEntry } from '../types';
import { accountTabPath } from '../accounts/accountTabPath';

type ActionLink = ActionHistoryEntry['links'][number];

/** Admin resources whose records open in an edit page of their own. */
const EDIT_PAGES = new Set(['services', 'packages', 'roles', 'users', 'taxes', 'tax-types', 'tax-zones', 'custom-fields']);

/** Where the panel shows what a link names; invoices and payments live on their account's page. */
function pathOf(link: ActionLink, entry: ActionHistoryEntry): string | null {
  if (link.resource === 'accounts') return accountTabPath(link.id, '');
  if (link.resource === 'invoices' && entry.accountId) return accountTabPath(entry.accountId, 'billing/invoices');
  if (link.resource === 'payments' && entry.accountId) return accountTabPath(entry.accountId, 'billing/payment-details');
  if (EDIT_PAGES.has(link.resource)) return `/${link.resource}/${link.id}`;
  return null;
}

/** A link inside a row that expands on click opens the link, not the row. */
const stop = (event: MouseEvent) => event.stopPropagation();

/**
 * The entry's sentence, with what it names turned into links. `withinAccount` leaves out the link
 * to the account itself, for lists shown on that account's page.
 */
export const ActionSummary = ({ entry, withinAccount = false }: { entry: ActionHistoryEntry; withinAccount?: boolean }) => {
  const links = entry.links
    .filter((link) => !(withinAccount && link.resource === 'accounts' && link.id === entry.accountId))
    .map((link) => ({ link, path: pathOf(link, entry) }))
    .filter((l): l is { link: ActionLink; path: string } => l.path !== null);
  const inline = links.filter(({ link }) => entry.summary.includes(link.label));
  const after = links.filter((l) => !inline.includes(l));

  const parts: (string | { link: ActionLink; path: string })[] = [entry.summary];
  for (const target of inline) {
    const i = parts.findIndex((part) => typeof part === 'string' && part.includes(target.link.label));
    if (i < 0) continue;
    const text = parts[i] as string;
    const at = text.indexOf(target.link.label);
    parts.splice(i, 1, text.slice(0, at), target, text.slice(at + target.link.label.length));
  }

  return (
    <span>
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          <Fragment key={i}>{part}</Fragment>
        ) : (
          <Link key={i} to={part.path} onClick={stop}>
            {part.link.label}
          </Link>
        ),
      )}
      {after.map(({ link, path }) => (
        <Fragment key={`${link.resource}-${link.id}`}>
          {' · '}
          <Link to={path} onClick={stop}>
            {link.label}
          </Link>
        </Fragment>
      ))}
    </span>
  );
};
