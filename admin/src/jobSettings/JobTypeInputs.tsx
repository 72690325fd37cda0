import {
  FormDataConsumer,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  number,
  required,
  SelectInput,
  TextInput,
  useGetList,
} from 'react-admin';
import { ColorInput } from '../accountStatuses/ColorInput';
import type { AccountStatus } from '../types';

export const COMPLETION_ACTIONS = [
  { id: 'none', name: 'Nothing' },
  { id: 'activate_account', name: 'Activate the account' },
];

const wholeMinutes = (value: unknown) => (value === null || value === undefined || Number.isInteger(value) ? undefined : 'Whole minutes');

/** An account status that counts as active: where completing an installation moves the account. */
const ActivationStatusInput = () => {
  const { data: statuses = [] } = useGetList<AccountStatus>('account-statuses', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'name', order: 'ASC' },
  });
  return (
    <SelectInput
      source="activationStatusId"
      label="Account status on completion"
      choices={statuses.filter((status) => status.countsAsActive)}
      validate={required()}
      helperText="An account not yet active moves to this status; one already active is left as it is"
    />
  );
};

export const JobTypeInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(80)]} />
    <NumberInput
      source="defaultDurationMinutes"
      label="Default duration (minutes)"
      step={5}
      validate={[required(), number(), wholeMinutes, minValue(5), maxValue(1440)]}
      helperText="Proposed when a job of this type is created; 5 to 1440"
    />
    <ColorInput source="color" />
    <SelectInput source="completionAction" label="On completion" choices={COMPLETION_ACTIONS} validate={required()} />
    <FormDataConsumer<{ completionAction?: string }>>
      {({ formData }) => (formData.completionAction === 'activate_account' ? <ActivationStatusInput /> : null)}
    </FormDataConsumer>
  </>
);

/** The fields POST and PATCH take; the status only goes with the action that uses it. */
export const jobTypePayload = (data: Record<string, unknown>) => ({
  name: typeof data.name === 'string' ? data.name.trim() : data.name,
  defaultDurationMinutes: data.defaultDurationMinutes,
  color: data.color,
  completionAction: data.completionAction,
  activationStatusId: data.completionAction === 'activate_account' ? data.activationStatusId : null,
});
