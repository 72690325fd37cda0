import { lazy, Suspense } from 'react';
import { Loading } from 'react-admin';

const DispatchPage = lazy(() => import('./DispatchPage'));

/** The dispatch page, its calendar fetched the first time it is opened. */
export const DispatchRoute = () => (
  <Suspense fallback={<Loading />}>
    <DispatchPage />
  </Suspense>
);
