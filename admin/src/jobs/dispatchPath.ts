/** #/dispatch, the dispatch calendar's hash route. */
export const DISPATCH_PATH = '/dispatch';
