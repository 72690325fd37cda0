import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { Money } from '../../billing/common/Money';
import { formatKbps } from '../../billing/common/speeds';
import { useAccountCurrency } from '../../billing/figures/useBillingFigures';
import { useAccountServices } from '../../billing/services/useAccountServices';
import { SectionCard } from './SectionCard';

/** The account's active data services (alone or inside a package) with their speeds. */
export const DataServicesCard = ({ accountId }: { accountId: number }) => {
  const currency = useAccountCurrency(accountId);
  const { data = [], isPending } = useAccountServices(accountId);
  const dataServices = data.filter((service) => service.downloadKbps !== null || service.uploadKbps !== null);
  return (
    <SectionCard title="Data service">
      {!isPending && dataServices.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No data service on this account.
        </Typography>
      ) : (
        <List dense disablePadding aria-label="Data services">
          {dataServices.map((service) => (
            <ListItem key={service.id} disableGutters aria-label={`Data service ${service.name}`}>
              <ListItemText
                primary={service.name}
                secondary={
                  <>
                    {`Download ${formatKbps(service.downloadKbps)}, upload ${formatKbps(service.uploadKbps)}, quantity ${service.quantity}, `}
                    <Money amount={service.periodAmount} currency={currency} variant="caption" />
                    {' per period'}
                  </>
                }
              />
            </ListItem>
          ))}
        </List>
      )}
    </SectionCard>
  );
};
