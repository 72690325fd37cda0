import PackageIcon from '@mui/icons-material/Inventory2';
import type { CatalogPackage } from '../../types';
import { PackageCreate } from './PackageCreate';
import { PackageEdit } from './PackageEdit';
import { PackageList } from './PackageList';

export const packages = {
  list: PackageList,
  create: PackageCreate,
  edit: PackageEdit,
  icon: PackageIcon,
  options: { label: 'Packages' },
  recordRepresentation: (pkg: CatalogPackage) => pkg.name,
};
