import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { lazy, Suspense } from 'react';
import { FormDataConsumer } from 'react-admin';
import { zoneGeometryError } from './zoneGeometry';

// Leaflet is loaded only when a zone form opens.
const ZoneMap = lazy(() => import('./ZoneMap'));

/** A map of the geometry as typed, once it is a valid polygon. */
const Preview = ({ text }: { text: unknown }) => {
  // The record holds an object until the text is edited.
  const json = typeof text === 'string' ? text.trim() : text && typeof text === 'object' ? JSON.stringify(text) : '';
  if (!json || zoneGeometryError(json) !== undefined) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        The map shows once the geometry is a valid Polygon or MultiPolygon.
      </Typography>
    );
  }
  return (
    <Suspense fallback={<Skeleton variant="rounded" height={320} />}>
      <div role="region" aria-label="Zone preview" style={{ width: '100%', marginBottom: 16 }}>
        <ZoneMap geometryJson={json} />
      </div>
    </Suspense>
  );
};

export const ZonePreview = () => (
  <FormDataConsumer<{ geometry?: unknown }>>{({ formData }) => <Preview text={formData.geometry} />}</FormDataConsumer>
);
