/** A LIKE pattern for "contains", with LIKE's own wildcards escaped so a search for "50%" means those characters. */
export const likeContains = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
