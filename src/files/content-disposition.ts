/**
 * `attachment` with an ASCII fallback name for old clients and the exact name in
 * RFC 5987 `filename*`, so quotes, semicolons or line breaks in a clerk's file
 * name can never break out of the header.
 */
export function contentDisposition(type: 'attachment' | 'inline', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
