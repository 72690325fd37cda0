import TaxZoneIcon from '@mui/icons-material/Map';
import { TaxZoneCreate } from './TaxZoneCreate';
import { TaxZoneEdit } from './TaxZoneEdit';
import { TaxZoneList } from './TaxZoneList';

export const taxZones = {
  list: TaxZoneList,
  create: TaxZoneCreate,
  edit: TaxZoneEdit,
  icon: TaxZoneIcon,
  options: { label: 'Tax zones' },
  recordRepresentation: 'name',
};
