export * from './permissions';
export * from './useHasPermission';
