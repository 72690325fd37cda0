import 'leaflet/dist/leaflet.css';
import Typography from '@mui/material/Typography';
import { divIcon, latLngBounds } from 'leaflet';
import { useEffect, useState } from 'react';
import { CircleMarker, MapContainer, Marker, Polyline, TileLayer, Tooltip, useMap } from 'react-leaflet';
import { OSM_TILES } from '../accounts/overview/LocationMap';
import type { SiteFromAddress } from './types';
import { formatDistance } from './units';

interface SitesMapProps {
  address: { lat: number; lon: number; label: string };
  /** The sites shown: none until the Network Sites button is on. */
  sites: SiteFromAddress[];
  selectedId: number | null;
  onSelect: (siteId: number) => void;
}

/** A site as a small tower badge: HTML and CSS, so no marker image is fetched, and a button to the keyboard and screen readers. */
const siteIcon = (selected: boolean) =>
  divIcon({
    className: 'elevation-site-marker',
    html: `<div style="width:22px;height:22px;border-radius:50%;background:${selected ? '#0d47a1' : '#1e88e5'};border:3px solid #fff;box-shadow:0 0 0 2px ${
      selected ? '#ff9800' : 'rgba(0,0,0,.35)'
    };"></div>`,
    iconSize: [28, 28],
    iconAnchor: [14, 14],
  });

/** Frames the address and the shown sites whenever they change. */
const Framing = ({ points }: { points: [number, number][] }) => {
  const map = useMap();
  const key = JSON.stringify(points);
  useEffect(() => {
    if (points.length > 1) map.fitBounds(latLngBounds(points), { padding: [40, 40], maxZoom: 15 });
    else map.setView(points[0], 14);
    // Keyed on the points' text: a new array holding the same points must not move a map the user has panned.
  }, [map, key]);
  return null;
};

/**
 * The service address as a red dot and, when shown, the network sites around it; a site clicked opens
 * its profile, and the path to the chosen one is drawn. Without map tiles (no network) the markers still
 * show on a grey background, with a note.
 */
const SitesMap = ({ address, sites, selectedId, onSelect }: SitesMapProps) => {
  const [tilesFailed, setTilesFailed] = useState(false);
  const selected = sites.find((s) => s.id === selectedId);
  const points: [number, number][] = [[address.lat, address.lon], ...sites.map((s): [number, number] => [s.latitude, s.longitude])];
  return (
    // MapContainer passes its other props to Leaflet, not to its element, so the name goes on a wrapper.
    <div role="region" aria-label={`Map of ${address.label} and the network sites`}>
      <MapContainer
        center={[address.lat, address.lon]}
        zoom={14}
        scrollWheelZoom={false}
        style={{ height: 400, width: '100%', background: '#e0e0e0' }}
      >
        <TileLayer
          url={OSM_TILES}
          attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
          eventHandlers={{ tileerror: () => setTilesFailed(true) }}
        />
        <Framing points={points} />
        {selected ? (
          <Polyline
            positions={[
              [address.lat, address.lon],
              [selected.latitude, selected.longitude],
            ]}
            pathOptions={{ color: '#0d47a1', weight: 3, dashArray: '8 6' }}
          />
        ) : null}
        <CircleMarker
          center={[address.lat, address.lon]}
          radius={9}
          pathOptions={{ color: '#c62828', fillColor: '#e53935', fillOpacity: 0.9 }}
        >
          <Tooltip>{address.label}</Tooltip>
        </CircleMarker>
        {sites.map((site) => (
          <Marker
            key={site.id}
            position={[site.latitude, site.longitude]}
            icon={siteIcon(site.id === selectedId)}
            title={`Network site ${site.name}`}
            keyboard
            eventHandlers={{ click: () => onSelect(site.id) }}
          >
            <Tooltip direction="top" offset={[0, -12]}>
              {site.name}: {formatDistance(site.distanceM)}
            </Tooltip>
          </Marker>
        ))}
      </MapContainer>
      {tilesFailed ? (
        <Typography variant="caption" color="text.secondary" role="status">
          The map background could not load; the address, the sites and their distances are still right.
        </Typography>
      ) : null}
    </div>
  );
};

export default SitesMap;
