import AddressListIcon from '@mui/icons-material/FormatListBulleted';
import { AddressListCreate, AddressListEdit } from './AddressListEdit';
import { AddressListList } from './AddressListList';

export const addressLists = {
  list: AddressListList,
  create: AddressListCreate,
  edit: AddressListEdit,
  icon: AddressListIcon,
  options: { label: 'Address lists' },
  recordRepresentation: 'name',
};
