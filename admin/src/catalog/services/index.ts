import ServiceIcon from '@mui/icons-material/Router';
import type { CatalogService } from '../../types';
import { ServiceCreate } from './ServiceCreate';
import { ServiceEdit } from './ServiceEdit';
import { ServiceList } from './ServiceList';

export const services = {
  list: ServiceList,
  create: ServiceCreate,
  edit: ServiceEdit,
  icon: ServiceIcon,
  options: { label: 'Services' },
  recordRepresentation: (service: CatalogService) => service.name,
};
