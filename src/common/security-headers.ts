import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/** Where the panel's maps fetch their tiles (admin/src/accounts/overview/LocationMap.tsx). */
const MAP_TILE_HOSTS = ['https://tile.openstreetmap.org', 'https://*.tile.openstreetmap.org'];

/**
 * The panel: its own scripts only. Styles may be inline because MUI writes them
 * into <style> elements at run time. The email viewer's sandboxed srcdoc frame
 * inherits this policy, so an email's remote images (tracking pixels) stay blocked.
 */
const PANEL_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', ...MAP_TILE_HOSTS],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  // Our own documents, should the panel ever show one in a frame; srcdoc frames need nothing.
  'frame-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The public signing page: its own scripts and MUI's inline styles, its own API, nothing else;
 * no map tiles, no frames, no images but data: ones. The document it shows is sanitised HTML, so
 * this policy is a second wall, not the first.
 */
const SIGNING_POLICY = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** Swagger UI: its bundle from our origin, plus the inline <style> blocks of its page and its data: icons. */
const DOCS_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * JSON and downloads: nothing may load or run. Documents are always sent as
 * attachments; a PDF ever shown inline would need its own policy, since the
 * browser's PDF viewer breaks under default-src 'none'.
 */
const API_POLICY = {
  'default-src': ["'none'"],
  'frame-ancestors': ["'none'"],
};

const DOCS_PATH = /^\/api\/docs(\/|$)/;

/** What Stripe's elements need (https://docs.stripe.com/security/guide#content-security-policy), only when they are set up. */
const STRIPE_ELEMENTS = {
  'script-src': ['https://js.stripe.com'],
  'frame-src': ['https://js.stripe.com', 'https://hooks.stripe.com'],
  'connect-src': ['https://api.stripe.com'],
};

function withStripeElements(policy: Record<string, string[]>): Record<string, string[]> {
  const merged = { ...policy };
  for (const [directive, sources] of Object.entries(STRIPE_ELEMENTS)) merged[directive] = [...(policy[directive] ?? []), ...sources];
  return merged;
}

/**
 * Security headers on every answer: the policy that fits what is answered,
 * nosniff, a referrer policy that still lets the tile servers see which site asks
 * (OpenStreetMap's usage rules want that), no framing, and HSTS only over HTTPS
 * (behind a proxy, req.secure trusts X-Forwarded-Proto from TRUST_PROXY hops only). With a Stripe
 * publishable key, the panel may also load Stripe's elements from Stripe's own hosts.
 */
export function securityHeaders(options: { stripeElements?: boolean } = {}): RequestHandler[] {
  const common = helmet({
    contentSecurityPolicy: false,
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    xFrameOptions: { action: 'deny' },
  });
  const panelPolicy = options.stripeElements ? withStripeElements(PANEL_POLICY) : PANEL_POLICY;
  const panel = helmet.contentSecurityPolicy({ useDefaults: false, directives: panelPolicy });
  const docs = helmet.contentSecurityPolicy({ useDefaults: false, directives: DOCS_POLICY });
  const api = helmet.contentSecurityPolicy({ useDefaults: false, directives: API_POLICY });
  const signing = helmet.contentSecurityPolicy({ useDefaults: false, directives: SIGNING_POLICY });
  // The page's address has the link's token after '#', which no Referer carries anyway; none is sent at all.
  const noReferrer = helmet.referrerPolicy({ policy: 'no-referrer' });
  // A site reached over HTTPS once keeps to it; subdomains are left alone, they may be other systems of the ISP.
  const hsts = helmet.strictTransportSecurity({ maxAge: 180 * 24 * 3600, includeSubDomains: false });

  const policy = (req: Request, res: Response, next: NextFunction) => {
    if (req.path === '/admin' || req.path.startsWith('/admin/')) return panel(req, res, next);
    if (req.path === '/sign' || req.path === '/sign/') return noReferrer(req, res, () => signing(req, res, next));
    if (DOCS_PATH.test(req.path)) return docs(req, res, next);
    return api(req, res, next);
  };
  const httpsOnly = (req: Request, res: Response, next: NextFunction) => (req.secure ? hsts(req, res, next) : next());
  return [common, policy, httpsOnly];
}
