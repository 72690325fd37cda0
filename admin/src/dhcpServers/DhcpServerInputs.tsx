import {
  AutocompleteArrayInput,
  maxLength,
  PasswordInput,
  ReferenceArrayInput,
  regex,
  required,
  TextArrayInput,
  TextInput,
  useRecordContext,
} from 'react-admin';
import { searchByName } from '../common';
import { planLabel } from '../ipam/planLabel';
import type { DhcpServer } from '../network/types';

const mysqlUrl = regex(/^mysql:\/\/\S+\/[A-Za-z0-9_$]+$/, 'A mysql:// URL naming the database, e.g. mysql://kea:secret@10.0.0.9:3306/kea');

/** A relay address as typed, checked loosely: four numbers of 0–255. */
const relayAddresses = (values: unknown) => {
  const bad = (Array.isArray(values) ? (values as string[]) : []).find(
    (value) => !/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(value.trim()) || value.split('.').some((part) => Number(part) > 255),
  );
  return bad ? `${bad} is not an IPv4 address` : undefined;
};

/**
 * Both forms. The host database URL may carry Kea's database password, so it is written only: on
 * an edit the input starts empty, and left empty keeps the current one.
 */
export const DhcpServerInputs = ({ isCreate = false }: { isCreate?: boolean }) => {
  const server = useRecordContext<DhcpServer>();
  return (
    <>
      <TextInput source="name" validate={[required(), maxLength(100)]} />
      <PasswordInput
        source="hostsDatabaseUrl"
        label="Host database URL"
        autoComplete="new-password"
        validate={isCreate ? [required(), maxLength(500), mysqlUrl] : [maxLength(500), mysqlUrl]}
        helperText={
          isCreate
            ? "Kea's MySQL host database, e.g. mysql://kea:secret@10.0.0.9:3306/kea; the password is never shown back"
            : `Now ${server?.hostsDatabase ?? 'set'}. Leave empty to keep it; a new URL replaces it with its login`
        }
        sx={{ minWidth: 420 }}
      />
      <TextInput
        source="controlSocket"
        label="Control socket"
        validate={maxLength(200)}
        helperText="Kea's control socket on the worker's machine, e.g. /run/kea/kea4-ctrl-socket; without one, Kea is not given the subnets"
        sx={{ minWidth: 420 }}
      />
      <TextArrayInput
        source="relayAddresses"
        label="Relay addresses"
        validate={relayAddresses}
        helperText="The relay agents whose requests pick this server's subnets; type an address and press Enter"
        sx={{ minWidth: 420 }}
      />
      <ReferenceArrayInput
        source="subnetIds"
        reference="ip-subnets"
        filter={{ family: 4 }}
        sort={{ field: 'network', order: 'ASC' }}
        perPage={100}
      >
        <AutocompleteArrayInput
          label="Subnets it serves"
          optionText={planLabel}
          filterToQuery={searchByName}
          helperText="IPv4 subnets of the address plan; their reservations go to this server"
          sx={{ minWidth: 420 }}
        />
      </ReferenceArrayInput>
    </>
  );
};
