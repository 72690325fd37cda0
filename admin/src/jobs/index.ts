export { DISPATCH_PATH } from './dispatchPath';
export { DispatchRoute } from './DispatchRoute';
export { JobsTab } from './JobsTab';
