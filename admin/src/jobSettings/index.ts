import TechnicianIcon from '@mui/icons-material/Engineering';
import JobTypeIcon from '@mui/icons-material/HomeRepairService';
import { JobTypeCreate, JobTypeEdit } from './JobTypeForms';
import { JobTypeList } from './JobTypeList';
import { TechnicianCreate, TechnicianEdit } from './TechnicianForms';
import { TechnicianList } from './TechnicianList';

export { JobSettingsPage } from './JobSettingsPage';

/** Job settings pages that are not resources, each at its own hash route. */
export const jobSettingsPages = {
  reminders: '/job-settings',
} as const;

export const jobTypes = {
  list: JobTypeList,
  create: JobTypeCreate,
  edit: JobTypeEdit,
  icon: JobTypeIcon,
  options: { label: 'Job types' },
  recordRepresentation: 'name',
};

export const technicians = {
  list: TechnicianList,
  create: TechnicianCreate,
  edit: TechnicianEdit,
  icon: TechnicianIcon,
  options: { label: 'Technicians' },
  recordRepresentation: 'name',
};
