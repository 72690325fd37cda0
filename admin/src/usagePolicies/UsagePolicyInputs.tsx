import Typography from '@mui/material/Typography';
import {
  ArrayInput,
  BooleanInput,
  FormDataConsumer,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  RadioButtonGroupInput,
  regex,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
} from 'react-admin';
import { ReferenceSearchInput } from '../common';
import { GB_TEXT } from '../usage/formatOctets';
import { hourWords } from '../usage/policyWords';
import type { UsagePolicy } from '../usage/types';

const gb = regex(GB_TEXT, 'A number of GB, e.g. 250 or 12.5');
const START_HOURS = Array.from({ length: 24 }, (_, h) => ({ id: h, name: hourWords(h) }));
const END_HOURS = Array.from({ length: 24 }, (_, h) => ({ id: h + 1, name: hourWords(h + 1) }));
const AT_CAP_CHOICES = [
  { id: 'overage', name: 'Charge overage at the end of the period' },
  { id: 'slow', name: 'Slow the account down until the period ends' },
];

type Form = Partial<UsagePolicy>;

/** What happens at the cap: the overage service and block, or the slower speeds. */
const AtCapInputs = () => (
  <FormDataConsumer<Form>>
    {({ formData }) =>
      formData.capGb ? (
        <>
          <RadioButtonGroupInput source="atCap" label="At the cap" choices={AT_CAP_CHOICES} validate={required()} />
          {formData.atCap === 'slow' ? (
            <>
              <NumberInput source="slowDownloadKbps" label="Slowed download (kbps)" step={1} validate={[required(), minValue(1)]} />
              <NumberInput source="slowUploadKbps" label="Slowed upload (kbps)" step={1} validate={[required(), minValue(1)]} />
            </>
          ) : (
            <>
              <TextInput
                source="overageBlockGb"
                label="Overage block (GB)"
                validate={[required(), gb]}
                helperText="Charged per started block over the allowance"
              />
              <ReferenceSearchInput
                source="overageServiceId"
                reference="services"
                label="Overage service"
                validate={required()}
                minWidth={280}
              />
            </>
          )}
        </>
      ) : null
    }
  </FormDataConsumer>
);

const TopOffInputs = () => (
  <FormDataConsumer<Form>>
    {({ formData }) =>
      formData.topOffsAllowed ? (
        <>
          <TextInput source="topOffGb" label="Top-off size (GB)" validate={[required(), gb]} />
          <ReferenceSearchInput
            source="topOffServiceId"
            reference="services"
            label="Top-off service"
            validate={required()}
            minWidth={280}
            helperText="Charged at once, at its price, for each top-off"
          />
        </>
      ) : null
    }
  </FormDataConsumer>
);

const RolloverInputs = () => (
  <FormDataConsumer<Form>>
    {({ formData }) =>
      formData.rollover ? (
        <NumberInput
          source="rolloverExpiryMonths"
          label="Unused data kept (months)"
          step={1}
          validate={[required(), minValue(1), maxValue(36)]}
        />
      ) : null
    }
  </FormDataConsumer>
);

/** The fields of both forms. GB are decimal (1 TB = 1000 GB); free hours are the instance's time zone. */
export const UsagePolicyInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(120)]} />
    <TextInput
      source="capGb"
      label="Data cap (GB)"
      validate={gb}
      helperText="Empty for no cap: usage is recorded, never charged or slowed"
    />
    <AtCapInputs />
    <Typography variant="subtitle2" sx={{ mt: 1 }}>
      Free periods
    </Typography>
    <Typography variant="body2" color="text.secondary">
      Hours whose traffic is recorded as free and counts toward neither the cap nor charges. An end not after its start runs past midnight.
    </Typography>
    <ArrayInput source="freeWindows" label={false}>
      <SimpleFormIterator inline disableReordering>
        <SelectInput source="startHour" label="From" choices={START_HOURS} validate={required()} />
        <SelectInput source="endHour" label="To" choices={END_HOURS} validate={required()} />
      </SimpleFormIterator>
    </ArrayInput>
    <BooleanInput source="topOffsAllowed" label="Top-offs allowed during the period" />
    <TopOffInputs />
    <BooleanInput source="rollover" label="Unused data rolls over" />
    <RolloverInputs />
  </>
);
