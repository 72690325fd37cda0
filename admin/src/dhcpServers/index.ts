import DhcpIcon from '@mui/icons-material/Dns';
import { DhcpServerCreate, DhcpServerEdit } from './DhcpServerEdit';
import { DhcpServerList } from './DhcpServerList';

export const dhcpServers = {
  list: DhcpServerList,
  create: DhcpServerCreate,
  edit: DhcpServerEdit,
  icon: DhcpIcon,
  options: { label: 'DHCP servers' },
  recordRepresentation: 'name',
};
