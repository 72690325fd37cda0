import CloseIcon from '@mui/icons-material/Close';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { errorMessage } from '../dataProvider';
import { ProfileChart } from './ProfileChart';
import type { SiteFromAddress } from './types';
import { formatDistance, formatFrequency } from './units';
import { useElevationProfile } from './useElevation';
import { verdictWords } from './verdictWords';

const DEFAULT_SUBSCRIBER_ANTENNA_M = 5;

/** The subscriber's mast as typed: a height from 0 to 100 m, else the last good one stays. */
const mastHeight = (text: string): number | null => {
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= 100 ? Math.round(value * 100) / 100 : null;
};

/**
 * The path from the address to one site: the site's antenna and band to profile with, the subscriber's
 * antenna height, the verdict in words and the chart.
 */
export const ProfilePanel = ({ accountId, site, onClose }: { accountId: number; site: SiteFromAddress; onClose: () => void }) => {
  const [siteAntennaM, setSiteAntennaM] = useState(site.antennaHeightsM[0]);
  const [frequencyMhz, setFrequencyMhz] = useState(site.frequenciesMhz[0]);
  const [mastText, setMastText] = useState(String(DEFAULT_SUBSCRIBER_ANTENNA_M));
  const [subscriberAntennaM, setSubscriberAntennaM] = useState(DEFAULT_SUBSCRIBER_ANTENNA_M);
  const profile = useElevationProfile(accountId, { siteId: site.id, siteAntennaM, frequencyMhz, subscriberAntennaM });
  const words = profile.data ? verdictWords(profile.data) : null;

  return (
    <Card component="section" aria-label={`Elevation profile to ${site.name}`}>
      <CardHeader
        title={`Elevation profile: ${site.name}`}
        subheader={`${formatDistance(site.distanceM)} from the address, bearing ${Math.round(site.bearingDeg)}°`}
        action={
          <IconButton aria-label="Close the profile" onClick={onClose}>
            <CloseIcon />
          </IconButton>
        }
      />
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
          <TextField
            select
            size="small"
            label="Site antenna"
            value={siteAntennaM}
            onChange={(event) => setSiteAntennaM(Number(event.target.value))}
            sx={{ width: { xs: '100%', sm: 200 } }}
          >
            {site.antennaHeightsM.map((h) => (
              <MenuItem key={h} value={h}>
                {h} m above ground
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            size="small"
            label="Frequency"
            value={frequencyMhz}
            onChange={(event) => setFrequencyMhz(Number(event.target.value))}
            sx={{ width: { xs: '100%', sm: 160 } }}
          >
            {site.frequenciesMhz.map((f) => (
              <MenuItem key={f} value={f}>
                {formatFrequency(f)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            size="small"
            label="Subscriber antenna (m)"
            value={mastText}
            type="number"
            slotProps={{ htmlInput: { min: 0, max: 100, step: 0.5 } }}
            error={mastHeight(mastText) === null}
            helperText={mastHeight(mastText) === null ? '0 to 100 m' : 'Above the ground'}
            onChange={(event) => {
              setMastText(event.target.value);
              const height = mastHeight(event.target.value);
              if (height !== null) setSubscriberAntennaM(height);
            }}
            sx={{ width: { xs: '100%', sm: 200 } }}
          />
        </Stack>
        {profile.isFetching ? <LinearProgress aria-label="Working out the profile" sx={{ mb: 1 }} /> : null}
        {profile.error ? (
          <Alert severity="warning" role="alert">
            {errorMessage(profile.error)}
          </Alert>
        ) : null}
        {profile.data && words ? (
          <>
            <Alert severity={words.severity} role="status" aria-label="Verdict" sx={{ mb: 2 }}>
              <AlertTitle>{words.title}</AlertTitle>
              {words.detail}
            </Alert>
            <ProfileChart profile={profile.data} />
            <Box sx={{ mt: 1 }}>
              <Typography variant="caption" color="text.secondary" component="p">
                {formatDistance(profile.data.distanceM)} path, a point every {profile.data.sampleSpacingM.toFixed(1)} m (the terrain&apos;s
                resolution); address ground {Math.round(profile.data.subscriber.groundM)} m, site ground{' '}
                {Math.round(profile.data.site.groundM)} m{profile.data.site.groundSource === 'surveyed' ? ' (surveyed)' : ''}; earth
                curvature at k = {profile.data.kFactor.toFixed(2)}. Read from {profile.data.tiles.map((t) => t.name).join(', ')}.
              </Typography>
            </Box>
          </>
        ) : null}
      </CardContent>
    </Card>
  );
};
