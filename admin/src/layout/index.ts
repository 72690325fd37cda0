export * from './AppBar';
export * from './Layout';
export * from './Menu';
