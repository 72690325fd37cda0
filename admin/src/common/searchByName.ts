/** Autocomplete text → list filter, the simple-REST `q` convention; blank asks for all. */
export const searchByName = (searchText: string) => (searchText.trim() ? { q: searchText.trim() } : {});
