import SiteIcon from '@mui/icons-material/CellTower';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useState } from 'react';
import { HttpError } from 'react-admin';
import type { AccountTabProps } from '../accounts/accountTabs';
import { formatAddress } from '../accounts/formatting';
import { errorMessage } from '../dataProvider';
import { ProfilePanel } from './ProfilePanel';
import { formatDistance } from './units';
import { useSitesAround } from './useElevation';

// Leaflet is loaded only when the tab opens.
const SitesMap = lazy(() => import('./SitesMap'));

/**
 * The account's Elevation Profile tab: the service address as a red dot on a map, the network sites
 * shown with the Network Sites button, and, for the site clicked, the profile of the path between them.
 */
export const ElevationProfileTab = ({ account }: AccountTabProps) => {
  const around = useSitesAround(account.id);
  const [showSites, setShowSites] = useState(false);
  const [selectedId, setSelectedId] = useState<number | null>(null);

  if (around.error) {
    const noCoordinates = around.error instanceof HttpError && around.error.status === 409;
    return (
      <Alert severity={noCoordinates ? 'info' : 'error'}>
        {noCoordinates
          ? 'This account’s service address has no coordinates, so there is no path to profile. Add its latitude and longitude on the account first.'
          : `The network sites could not load: ${errorMessage(around.error)}`}
      </Alert>
    );
  }
  if (!around.data) return <Skeleton variant="rounded" height={400} />;

  const sites = around.data.sites;
  const selected = sites.find((s) => s.id === selectedId) ?? null;
  const label = formatAddress(account.serviceAddress) || account.name;
  const choose = (siteId: number) => {
    setShowSites(true);
    setSelectedId(siteId);
  };

  return (
    <Stack spacing={2}>
      <Card sx={{ position: 'relative' }}>
        <Suspense fallback={<Skeleton variant="rectangular" height={400} />}>
          <SitesMap
            address={{ lat: around.data.latitude, lon: around.data.longitude, label }}
            sites={showSites ? sites : []}
            selectedId={selectedId}
            onSelect={choose}
          />
        </Suspense>
        {/* Over the map's top-left corner, beside Leaflet's zoom buttons. */}
        <ToggleButton
          value="sites"
          selected={showSites}
          onChange={() => setShowSites((shown) => !shown)}
          size="small"
          sx={{ position: 'absolute', top: 10, left: 56, zIndex: 1000, bgcolor: 'background.paper', '&:hover': { bgcolor: 'grey.100' } }}
        >
          <SiteIcon fontSize="small" sx={{ mr: 0.5 }} />
          Network Sites
        </ToggleButton>
      </Card>
      {showSites ? (
        <Card>
          {sites.length === 0 ? (
            <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
              No network sites yet; add them under Settings, Network sites.
            </Typography>
          ) : (
            <List dense aria-label="Network sites by distance" sx={{ display: 'flex', flexWrap: 'wrap', p: 0 }}>
              {sites.map((site) => (
                <ListItemButton key={site.id} selected={site.id === selectedId} onClick={() => choose(site.id)} sx={{ flex: '0 1 260px' }}>
                  <ListItemText
                    primary={site.name}
                    secondary={`${formatDistance(site.distanceM)}, bearing ${Math.round(site.bearingDeg)}°`}
                  />
                </ListItemButton>
              ))}
            </List>
          )}
        </Card>
      ) : (
        <Box>
          <Typography variant="body2" color="text.secondary">
            Turn on Network Sites and click a site to see the line of sight from this address.
          </Typography>
        </Box>
      )}
      {selected ? <ProfilePanel key={selected.id} accountId={account.id} site={selected} onClose={() => setSelectedId(null)} /> : null}
    </Stack>
  );
};
