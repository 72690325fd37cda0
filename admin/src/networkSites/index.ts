import SiteIcon from '@mui/icons-material/CellTower';
import { NetworkSiteCreate, NetworkSiteEdit } from './NetworkSiteEdit';
import { NetworkSiteList } from './NetworkSiteList';

export const networkSites = {
  list: NetworkSiteList,
  create: NetworkSiteCreate,
  edit: NetworkSiteEdit,
  icon: SiteIcon,
  options: { label: 'Network sites' },
  recordRepresentation: 'name',
};
