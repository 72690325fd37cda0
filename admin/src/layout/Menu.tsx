import { Menu as RaMenu, usePermissions } from 'react-admin';
import { canSeeResource } from '../permissions';

/** The resources in menu order; each shows only if the identity may read it. */
export const menuResources = ['users', 'roles', 'action-history', 'view-history'] as const;

export const Menu = () => {
  const { permissions } = usePermissions<string[]>();
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      {menuResources
        .filter((resource) => canSeeResource(permissions, resource))
        .map((resource) => (
          <RaMenu.ResourceItem key={resource} name={resource} />
        ))}
    </RaMenu>
  );
};
