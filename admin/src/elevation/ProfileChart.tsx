import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { ChartsAxis } from '@mui/x-charts/ChartsAxis';
import { ChartsAxisHighlight } from '@mui/x-charts/ChartsAxisHighlight';
import { ChartsDataProvider } from '@mui/x-charts/ChartsDataProvider';
import { ChartsGrid } from '@mui/x-charts/ChartsGrid';
import { ChartsLegend } from '@mui/x-charts/ChartsLegend';
import { ChartsSurface } from '@mui/x-charts/ChartsSurface';
import { ChartsTooltipContainer, useAxesTooltip } from '@mui/x-charts/ChartsTooltip';
import { ChartsWrapper } from '@mui/x-charts/ChartsWrapper';
import { AreaPlot, LinePlot, MarkPlot } from '@mui/x-charts/LineChart';
import { DetailList } from '../billing/common/DetailList';
import type { ElevationProfile, ProfileSample } from './types';
import { formatDistance, formatMetres } from './units';

const COLORS = {
  terrain: '#8d6e63',
  clutter: '#2e7d32',
  los: '#1565c0',
  fresnel: '#64b5f6',
  blocked: '#d32f2f',
  fresnelIntrusion: '#f57c00',
};

const STATE_WORDS: Record<ProfileSample['intrudes'], string> = {
  clear: 'Clear',
  fresnel: 'In the Fresnel zone',
  blocked: 'Blocks the line of sight',
  unknown: 'No terrain data',
};

/** The hovered point: everything the profile knows about it. */
const PointTooltip = ({ samples }: { samples: ProfileSample[] }) => {
  const axes = useAxesTooltip({ directions: ['x'] });
  const sample = axes?.[0] ? samples[axes[0].dataIndex] : undefined;
  if (!sample) return null;
  return (
    <Paper elevation={4} sx={{ p: 1.5 }} role="tooltip" aria-label={`Profile at ${formatDistance(sample.distanceM)}`}>
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        {formatDistance(sample.distanceM)} from the address
      </Typography>
      <DetailList
        rows={[
          ['Elevation', formatMetres(sample.groundM)],
          ['Clutter', sample.clutterM === null ? '—' : formatMetres(sample.clutterM)],
          ['Earth bulge', formatMetres(sample.earthBulgeM)],
          ['Line of sight', formatMetres(sample.losM)],
          ['Fresnel radius', formatMetres(sample.fresnelRadiusM)],
          ['Clearance', formatMetres(sample.clearanceM)],
          ['State', STATE_WORDS[sample.intrudes]],
        ]}
      />
    </Paper>
  );
};

/** Heights along the path, each series null where it has nothing to draw. */
function series(profile: ElevationProfile) {
  const s = profile.samples;
  const withBulge = (p: ProfileSample) => (p.groundM === null ? null : p.groundM + p.earthBulgeM);
  const where = (state: ProfileSample['intrudes']) => s.map((p) => (p.intrudes === state ? p.obstacleTopM : null));
  return {
    terrain: s.map(withBulge),
    obstacle: s.map((p) => p.obstacleTopM),
    los: s.map((p) => p.losM),
    upper: s.map((p) => p.losM + p.fresnelRadiusM),
    lower: s.map((p) => p.losM - p.fresnelRadiusM),
    blocked: where('blocked'),
    fresnel: where('fresnel'),
  };
}

const m = (value: number | null) => (value === null ? '' : formatMetres(value));

/**
 * The profile drawn the way path profiles are: the terrain with the earth's bulge added (so the line
 * of sight between the antenna tips is straight), the clutter standing on it, the line of sight, the
 * first Fresnel zone around it, and the points that intrude marked (red where they cut the line,
 * orange where they only reach into the zone). Hovering a point gives its figures.
 */
export const ProfileChart = ({ profile }: { profile: ElevationProfile }) => {
  const data = series(profile);
  const known = [...data.terrain, ...data.obstacle, ...data.lower].filter((v): v is number => v !== null);
  const low = Math.floor(Math.min(...known) - 5);
  const high = Math.ceil(Math.max(...known, ...data.upper) + 5);
  return (
    <Box role="figure" aria-label={`Elevation profile to ${profile.siteName}`}>
      <ChartsDataProvider
        height={340}
        skipAnimation
        xAxis={[
          {
            id: 'distance',
            scaleType: 'linear',
            data: profile.samples.map((p) => p.distanceM),
            min: 0,
            max: profile.distanceM,
            valueFormatter: (v: number) => formatDistance(v),
          },
        ]}
        yAxis={[{ id: 'height', min: low, max: high, width: 70, valueFormatter: (v: number) => `${Math.round(v)} m` }]}
        series={[
          {
            type: 'line',
            id: 'terrain',
            label: 'Terrain',
            data: data.terrain,
            area: true,
            baseline: 'min',
            color: COLORS.terrain,
            showMark: false,
            valueFormatter: m,
          },
          ...(profile.hasClutter
            ? ([
                {
                  type: 'line',
                  id: 'clutter',
                  label: 'Terrain + clutter',
                  data: data.obstacle,
                  color: COLORS.clutter,
                  showMark: false,
                  valueFormatter: m,
                },
              ] as const)
            : []),
          { type: 'line', id: 'los', label: 'Line of sight', data: data.los, color: COLORS.los, showMark: false, valueFormatter: m },
          {
            type: 'line',
            id: 'fresnel-upper',
            label: 'Fresnel zone',
            data: data.upper,
            color: COLORS.fresnel,
            showMark: false,
            valueFormatter: m,
          },
          { type: 'line', id: 'fresnel-lower', data: data.lower, color: COLORS.fresnel, showMark: false, valueFormatter: m },
          {
            type: 'line',
            id: 'blocked',
            label: 'Blocks the line',
            data: data.blocked,
            color: COLORS.blocked,
            showMark: true,
            valueFormatter: m,
          },
          {
            type: 'line',
            id: 'fresnel-intrusion',
            label: 'In the Fresnel zone',
            data: data.fresnel,
            color: COLORS.fresnelIntrusion,
            showMark: true,
            valueFormatter: m,
          },
        ]}
      >
        <ChartsWrapper legendPosition={{ vertical: 'top', horizontal: 'center' }}>
          <ChartsLegend />
          <ChartsSurface
            sx={{
              '& .MuiLineChart-line[data-series="fresnel-upper"], & .MuiLineChart-line[data-series="fresnel-lower"]': {
                strokeDasharray: '6 4',
              },
              '& .MuiLineChart-line[data-series="blocked"], & .MuiLineChart-line[data-series="fresnel-intrusion"]': { strokeWidth: 3 },
              '& .MuiAreaElement-root': { fillOpacity: 0.45 },
            }}
          >
            <ChartsGrid horizontal />
            <AreaPlot />
            <LinePlot />
            <ChartsAxisHighlight x="line" />
            <ChartsAxis />
            <MarkPlot />
          </ChartsSurface>
          <ChartsTooltipContainer trigger="axis">
            <PointTooltip samples={profile.samples} />
          </ChartsTooltipContainer>
        </ChartsWrapper>
      </ChartsDataProvider>
    </Box>
  );
};
