import { type Exporter, FunctionField, SearchInput, SelectInput, TextField, TextInput } from 'react-admin';
import { formatDate } from '../accounts/formatting';
import { useInstanceCurrency } from '../billing/common/useInstanceCurrency';
import { Mono, NoneText } from '../common';
import { downloadRows } from '../correspondence/csv';
import { SubTabList } from '../network/common/SubTabList';
import { type Rate, type RatePlan, ratesResource } from './types';
import { billingIncrements, DIRECTION_LABELS, formatRate } from './voiceWords';

const directionChoices = Object.entries(DIRECTION_LABELS).map(([id, name]) => ({ id, name }));

/** The search box takes the prefix's digits only: a + or spaces typed with it are dropped. */
const digitsOnly = (value: string | null | undefined): string => (value ?? '').replace(/\D/g, '');

const filters = [
  <TextInput key="prefix" source="prefix" label="Prefix starts with" parse={digitsOnly} alwaysOn sx={{ width: 170 }} />,
  <SelectInput key="direction" source="direction" label="Direction" choices={directionChoices} alwaysOn />,
  <SearchInput key="q" source="q" placeholder="Description" alwaysOn />,
];

const exporterFor =
  (plan: RatePlan): Exporter<Rate> =>
  (rates) =>
    downloadRows(
      `voice-rates-plan-${plan.id}`,
      ['prefix', 'description', 'direction', 'rate', 'minimum', 'increment', 'effective_from'],
      // The deck's own layout, so the file can be imported again as it is.
      rates.map((r) => [r.prefix, r.description, r.direction, r.rate, r.minimumSeconds, r.incrementSeconds, r.effectiveFrom ?? '']),
    );

/**
 * The plan's deck, 25 rows a page by prefix: each row's rate a minute to its last digit (never
 * rounded to cents), and its billing as minimum/increment seconds.
 */
export const RateList = ({ plan }: { plan: RatePlan }) => {
  const currency = useInstanceCurrency();
  return (
    <SubTabList<Rate>
      resource={ratesResource(plan.id)}
      filters={filters}
      sort={{ field: 'prefix', order: 'ASC' }}
      exporter={exporterFor(plan)}
      label="Rates"
      none="The plan has no rates yet: import a rate deck."
      noneMatching="No rate matches the filters."
      rowLabel={(rate) => `Rate ${rate.prefix} ${rate.direction}`}
    >
      <FunctionField<Rate> source="prefix" label="Prefix" render={(rate) => <Mono>{rate.prefix}</Mono>} />
      <TextField source="description" label="Description" />
      <FunctionField<Rate> source="direction" label="Direction" render={(rate) => DIRECTION_LABELS[rate.direction]} />
      <FunctionField<Rate>
        source="rateMicro"
        label="Rate a minute"
        textAlign="right"
        render={(rate) => <Mono>{currency ? formatRate(rate.rateMicro, currency) : rate.rate}</Mono>}
      />
      <FunctionField<Rate>
        label="Minimum/increment (s)"
        sortable={false}
        textAlign="right"
        render={(rate) => <Mono>{billingIncrements(rate.minimumSeconds, rate.incrementSeconds)}</Mono>}
      />
      <FunctionField<Rate>
        source="effectiveFrom"
        label="Effective from"
        render={(rate) => (rate.effectiveFrom ? formatDate(rate.effectiveFrom) : <NoneText>Always</NoneText>)}
      />
    </SubTabList>
  );
};
