import { useGetOne } from 'react-admin';
import type { CatalogService } from '../types';

/** A catalogue service named by its id, e.g. a policy's overage service; its number while it loads or if it cannot be read. */
export const CatalogServiceName = ({ id }: { id: number | null }) => {
  const { data } = useGetOne<CatalogService>('services', { id: id ?? 0 }, { enabled: id !== null });
  if (id === null) return <>—</>;
  return <>{data?.name ?? `Service #${id}`}</>;
};
