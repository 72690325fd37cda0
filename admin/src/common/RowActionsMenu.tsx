import MoreVertIcon from '@mui/icons-material/MoreVert';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';

export interface RowAction<Action extends string> {
  action: Action;
  label: string;
  /** Shown in red: it removes or deletes something. */
  destructive?: boolean;
}

interface RowActionsMenuProps<Action extends string> {
  /** The button's accessible name, e.g. "Actions for 100.64.8.23". */
  label: string;
  items: RowAction<Action>[];
  onAction: (action: Action) => void;
}

/** A row's actions behind one button, so a list stays narrow; a click on it does not reach the row. */
export const RowActionsMenu = <Action extends string>({ label, items, onAction }: RowActionsMenuProps<Action>) => {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <IconButton
        size="small"
        aria-label={label}
        aria-haspopup="menu"
        onClick={(event) => {
          event.stopPropagation();
          setAnchor(event.currentTarget);
        }}
      >
        <MoreVertIcon fontSize="small" />
      </IconButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)} onClick={(event) => event.stopPropagation()}>
        {items.map((item) => (
          <MenuItem
            key={item.action}
            onClick={() => {
              setAnchor(null);
              onAction(item.action);
            }}
            sx={item.destructive ? { color: 'error.main' } : undefined}
          >
            {item.label}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};
