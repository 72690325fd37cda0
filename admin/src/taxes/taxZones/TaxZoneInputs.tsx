import { maxLength, ReferenceInput, required, SelectInput, TextInput, type Validator } from 'react-admin';
import type { ZoneGeometry } from '../../types';
import { parseZoneGeometry, zoneGeometryError, zoneGeometryText } from './zoneGeometry';
import { ZonePreview } from './ZonePreview';

const checkGeometry: Validator = (value: unknown) => (typeof value === 'string' && value.trim() ? zoneGeometryError(value) : undefined);

const EXAMPLE = '{"type":"Polygon","coordinates":[[[-89.7,39.7],[-89.6,39.7],[-89.6,39.8],[-89.7,39.8],[-89.7,39.7]]]}';

export const TaxZoneInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(120)]} />
    <ReferenceInput source="taxId" reference="taxes" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
      <SelectInput label="Tax" optionText="name" validate={required()} />
    </ReferenceInput>
    <TextInput
      source="geometry"
      label="Geometry (GeoJSON)"
      multiline
      minRows={6}
      fullWidth
      format={(value: unknown) =>
        value && typeof value === 'object' ? zoneGeometryText(value as ZoneGeometry) : ((value as string | null | undefined) ?? '')
      }
      parse={(text: string) => text}
      validate={[required(), checkGeometry]}
      helperText={`A Polygon or MultiPolygon, positions as [longitude, latitude], e.g. ${EXAMPLE}`}
      sx={{ '& textarea': { fontFamily: 'monospace' } }}
    />
    <ZonePreview />
  </>
);

/** Only the editable fields, the geometry as an object. */
export const toTaxZonePayload = (data: Record<string, unknown>) => ({
  name: String(data.name ?? '').trim(),
  taxId: Number(data.taxId),
  geometry: typeof data.geometry === 'string' ? parseZoneGeometry(data.geometry) : (data.geometry as ZoneGeometry),
});
