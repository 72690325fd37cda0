import { useEffect, useState } from 'react';
import { useListContext } from 'react-admin';

/** How long, and how often, the list looks again after a background process was woken. */
const WATCH_MS = 20_000;
const EVERY_MS = 2_000;

/**
 * After waking a process that files its results within seconds (the mailbox reader, the switch
 * folder's watcher), the list refetches every two seconds for twenty so what it files shows up.
 * Returns the function that starts the watch.
 */
export const useListWatch = (): (() => void) => {
  const { refetch } = useListContext();
  const [watchUntil, setWatchUntil] = useState<number | null>(null);

  useEffect(() => {
    if (watchUntil === null) return undefined;
    const timer = setInterval(() => {
      if (Date.now() > watchUntil) setWatchUntil(null);
      else void refetch();
    }, EVERY_MS);
    return () => clearInterval(timer);
  }, [watchUntil, refetch]);

  return () => setWatchUntil(Date.now() + WATCH_MS);
};
