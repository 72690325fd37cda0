import Button from '@mui/material/Button';
import { Link } from 'react-admin';
import { DetailList } from '../billing/common/DetailList';
import { formatKbps } from '../billing/common/speeds';
import { DetailsDrawer } from '../common/DetailsDrawer';
import { Permissions, useHasPermission } from '../permissions';
import type { AccountDataService } from './types';

/** The account's data service in a side panel, with a way to its catalogue entry. */
export const DataServiceDrawer = ({ service, onClose }: { service: AccountDataService | null; onClose: () => void }) => {
  const canConfigure = useHasPermission(Permissions.BillingConfigure);
  return (
    <DetailsDrawer title={service ? `Data service ${service.name}` : null} onClose={onClose}>
      {service ? (
        <>
          <DetailList
            label="Data service details"
            rows={[
              ['Download', formatKbps(service.downloadKbps)],
              ['Upload', formatKbps(service.uploadKbps)],
              ['Catalogue service', `#${service.serviceId}`],
              ['On the account as', `#${service.accountServiceId}`],
            ]}
          />
          {canConfigure ? (
            <Button component={Link} to={`/services/${service.serviceId}`} size="small" sx={{ mt: 2 }}>
              Open in the catalogue
            </Button>
          ) : null}
        </>
      ) : null}
    </DetailsDrawer>
  );
};
