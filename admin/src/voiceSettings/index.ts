import RatePlanIcon from '@mui/icons-material/RequestQuote';
import PhoneNumberIcon from '@mui/icons-material/Dialpad';
import CdrFileIcon from '@mui/icons-material/PhoneCallback';
import RejectIcon from '@mui/icons-material/PhoneMissed';
import { CdrFileList } from './CdrFileList';
import { CdrFileShow } from './CdrFileShow';
import { CdrRejectList } from './CdrRejectList';
import { DidCreate } from './DidCreate';
import { DidList } from './DidList';
import { RatePlanCreate, RatePlanEdit } from './RatePlanForms';
import { RatePlanList } from './RatePlanList';
import { RatePlanShow } from './RatePlanShow';

export const voiceRatePlans = {
  list: RatePlanList,
  create: RatePlanCreate,
  edit: RatePlanEdit,
  show: RatePlanShow,
  icon: RatePlanIcon,
  options: { label: 'Voice rate plans' },
  recordRepresentation: 'name',
};

export const dids = {
  list: DidList,
  create: DidCreate,
  icon: PhoneNumberIcon,
  options: { label: 'Phone numbers' },
  recordRepresentation: (did: { number: string }) => `+${did.number}`,
};

export const voiceCdrFiles = {
  list: CdrFileList,
  show: CdrFileShow,
  icon: CdrFileIcon,
  options: { label: 'CDR files' },
  recordRepresentation: 'name',
};

export const voiceCdrRejects = {
  list: CdrRejectList,
  icon: RejectIcon,
  options: { label: 'CDR rejects' },
};
