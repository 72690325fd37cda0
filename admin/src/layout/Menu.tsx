import ListSubheader from '@mui/material/ListSubheader';
import { Menu as RaMenu, usePermissions } from 'react-admin';
import { canSeeResource, hasPermission, Permissions } from '../permissions';

/** The resources in menu order; each shows only if the identity may read it. */
export const menuResources = ['accounts', 'users', 'roles', 'action-history', 'view-history'] as const;

/** The configurable account lists, grouped under Settings for those who may change them. */
export const settingsResources = ['account-types', 'account-statuses', 'account-groups', 'message-categories', 'custom-fields'] as const;

export const Menu = () => {
  const { permissions } = usePermissions<string[]>();
  const showSettings = hasPermission(permissions, Permissions.AccountsConfigure);
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      {menuResources
        .filter((resource) => canSeeResource(permissions, resource))
        .map((resource) => (
          <RaMenu.ResourceItem key={resource} name={resource} />
        ))}
      {showSettings ? (
        <>
          <ListSubheader component="div" sx={{ bgcolor: 'transparent', lineHeight: '32px', mt: 1 }}>
            Settings
          </ListSubheader>
          {settingsResources.map((resource) => (
            <RaMenu.ResourceItem key={resource} name={resource} />
          ))}
        </>
      ) : null}
    </RaMenu>
  );
};
