export * from './authProvider';
export * from './me';
