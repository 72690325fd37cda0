/** The API is served from the same origin as the panel (which lives under /admin). */
export const API_URL = '/api';
