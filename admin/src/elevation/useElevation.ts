import { useQuery } from '@tanstack/react-query';
import { useBackhaulDataProvider } from '../dataProvider';
import type { ProfileQuery } from './types';

/** The address and the sites around it; refetched when the tab opens again, since sites change under Settings. */
export const useSitesAround = (accountId: number) => {
  const dataProvider = useBackhaulDataProvider();
  return useQuery({
    queryKey: ['elevation-sites', accountId],
    queryFn: () => dataProvider.fetchSitesAround(accountId),
    retry: false,
  });
};

/** One profile; the server caches it too, so asking again for the same choices is cheap. */
export const useElevationProfile = (accountId: number, query: ProfileQuery) => {
  const dataProvider = useBackhaulDataProvider();
  return useQuery({
    queryKey: ['elevation-profile', accountId, query.siteId, query.siteAntennaM, query.frequencyMhz, query.subscriberAntennaM],
    queryFn: () => dataProvider.fetchElevationProfile(accountId, query),
    retry: false,
  });
};
