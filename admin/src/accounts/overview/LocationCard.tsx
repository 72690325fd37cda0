import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { lazy, Suspense } from 'react';
import type { Account } from '../../types';
import { formatAddress } from '../formatting';
import { SectionCard } from './SectionCard';

// Leaflet is loaded only when an account page with coordinates opens.
const LocationMap = lazy(() => import('./LocationMap'));

const toCoordinate = (value: string | null | undefined): number | null => {
  if (value === null || value === undefined || value.trim() === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
};

/** Service and mailing address as text, always; the map when there are coordinates. */
export const LocationCard = ({ account }: { account: Account }) => {
  const service = account.serviceAddress;
  const latitude = toCoordinate(service?.latitude);
  const longitude = toCoordinate(service?.longitude);
  const serviceText = formatAddress(service);
  return (
    <SectionCard title="Location">
      <Typography variant="caption" color="text.secondary" component="div">
        Service address
      </Typography>
      <Typography variant="body2">{serviceText || '—'}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="coordinates">
        {latitude !== null && longitude !== null ? `${service.latitude}, ${service.longitude}` : 'No coordinates'}
      </Typography>
      {account.mailingAddress ? (
        <Box sx={{ mb: 1 }}>
          <Typography variant="caption" color="text.secondary" component="div">
            Mailing address
          </Typography>
          <Typography variant="body2">{formatAddress(account.mailingAddress)}</Typography>
        </Box>
      ) : null}
      {latitude !== null && longitude !== null ? (
        <Suspense fallback={<Skeleton variant="rounded" height={220} />}>
          <LocationMap latitude={latitude} longitude={longitude} label={serviceText || account.name} />
        </Suspense>
      ) : null}
    </SectionCard>
  );
};
