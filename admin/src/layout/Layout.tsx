import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { AppBar } from './AppBar';
import { Menu } from './Menu';

// react-admin lets the page grow to its widest content (the root's min-width is fit-content,
// the content column's min-width is auto), so one wide row of tabs pushed the whole panel past
// the window. Here the content column takes the window's width and its parts fit or wrap in it.
const FIT_THE_WINDOW = { minWidth: 0, '& .RaLayout-content': { minWidth: 0 } };

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={AppBar} menu={Menu} sx={FIT_THE_WINDOW}>
    {children}
  </RaLayout>
);
