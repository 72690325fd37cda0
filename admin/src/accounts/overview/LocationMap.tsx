import 'leaflet/dist/leaflet.css';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { CircleMarker, MapContainer, TileLayer, Tooltip } from 'react-leaflet';

export const OSM_TILES = 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png';

interface LocationMapProps {
  latitude: number;
  longitude: number;
  label: string;
}

/**
 * The service address on an OpenStreetMap map. Without tiles (no network) the
 * container and the marker still show, with a note saying the map could not load.
 * A vector marker, so no marker image has to be fetched either.
 */
const LocationMap = ({ latitude, longitude, label }: LocationMapProps) => {
  const [tilesFailed, setTilesFailed] = useState(false);
  return (
    <>
      <MapContainer
        center={[latitude, longitude]}
        zoom={15}
        scrollWheelZoom={false}
        style={{ height: 220, width: '100%', borderRadius: 4, background: '#e0e0e0' }}
        aria-label={`Map of ${label}`}
      >
        <TileLayer
          url={OSM_TILES}
          attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
          eventHandlers={{ tileerror: () => setTilesFailed(true) }}
        />
        <CircleMarker center={[latitude, longitude]} radius={9} pathOptions={{ color: '#c62828', fillColor: '#e53935', fillOpacity: 0.9 }}>
          <Tooltip>{label}</Tooltip>
        </CircleMarker>
      </MapContainer>
      {tilesFailed ? (
        <Typography variant="caption" color="text.secondary" role="status">
          The map could not load; the address and coordinates above are still correct.
        </Typography>
      ) : null}
    </>
  );
};

export default LocationMap;
