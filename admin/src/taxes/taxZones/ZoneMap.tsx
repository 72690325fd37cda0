import 'leaflet/dist/leaflet.css';
import { geoJSON } from 'leaflet';
import { useEffect, useMemo } from 'react';
import { GeoJSON, MapContainer, TileLayer, useMap } from 'react-leaflet';
import { OSM_TILES } from '../../accounts/overview/LocationMap';
import type { ZoneGeometry } from '../../types';

const FitToZone = ({ geometry }: { geometry: ZoneGeometry }) => {
  const map = useMap();
  useEffect(() => {
    const bounds = geoJSON(geometry).getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [16, 16] });
  }, [map, geometry]);
  return null;
};

/** The zone drawn on an OpenStreetMap map; without tiles the outline still shows. Takes valid GeoJSON text. */
const ZoneMap = ({ geometryJson }: { geometryJson: string }) => {
  const geometry = useMemo(() => JSON.parse(geometryJson) as ZoneGeometry, [geometryJson]);
  return (
    <MapContainer
      center={[0, 0]}
      zoom={2}
      scrollWheelZoom={false}
      style={{ height: 320, width: '100%', borderRadius: 4, background: '#e0e0e0' }}
    >
      <TileLayer url={OSM_TILES} attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors' />
      {/* A new key per shape, since GeoJSON layers do not redraw when their data changes. */}
      <GeoJSON key={geometryJson} data={geometry} style={{ color: '#1565c0', weight: 2, fillOpacity: 0.2 }} />
      <FitToZone geometry={geometry} />
    </MapContainer>
  );
};

export default ZoneMap;
