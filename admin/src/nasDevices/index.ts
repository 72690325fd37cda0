import NasIcon from '@mui/icons-material/Router';
import { NasDeviceCreate, NasDeviceEdit } from './NasDeviceEdit';
import { NasDeviceList } from './NasDeviceList';

export const nasDevices = {
  list: NasDeviceList,
  create: NasDeviceCreate,
  edit: NasDeviceEdit,
  icon: NasIcon,
  options: { label: 'NAS devices' },
  recordRepresentation: 'name',
};
