import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Account } from '../accounts/account.entity';
import { NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { mulDivRound } from '../common/money';
import { TaxOverrideKind } from './account-tax-override.entity';
import { GeoTaxFilterDto, GeoTaxResponseDto, GeoTaxSortField } from './dto/account-tax-override.dto';
import { decimalToMicro, MicroPoint, shapeContains } from './geo-zone';
import { MAX_RATE_E4 } from './tax.entity';
import { storedZoneShape, ZoneGeometry } from './zone-geometry';

/** One tax on one line, ready to be written beside the charge. */
export interface TaxLine {
  taxId: number;
  taxName: string;
  taxTypeName: string;
  rateE4: number;
  amount: number;
}

export interface TaxFacts {
  id: number;
  name: string;
  taxTypeName: string;
  rateE4: number;
  active: boolean;
  /** Has at least one zone, so it applies only where a zone contains the account. */
  geographic: boolean;
}

export interface TaxOverrideFacts {
  kind: TaxOverrideKind;
  rateE4: number | null;
}

export interface ZoneHit {
  zoneId: number;
  zoneName: string;
  taxId: number;
}

/** What deciding an account's taxes needs, loaded once and then used for every line. */
export interface AccountTaxContext {
  accountId: number;
  /** The account pays no tax at all (its effective billing settings say so). */
  exempt: boolean;
  /** Every tax by id, so a line can name any of them without another query. */
  taxes: ReadonlyMap<number, TaxFacts>;
  /** The account's own exceptions, by tax id. */
  overrides: ReadonlyMap<number, TaxOverrideFacts>;
  /** Zones containing the account's service location (none without coordinates). */
  zonesHit: readonly ZoneHit[];
  /** Geographic taxes with at least one zone in zonesHit. */
  zoneTaxIds: ReadonlySet<number>;
}

/** One tax on one amount: amount × rate, rounded half away from zero to the cent. */
export function taxAmount(lineAmount: number, rateE4: number): number {
  return mulDivRound(lineAmount, rateE4, MAX_RATE_E4);
}

/** The account's service location in micro-degrees, or null when it has none. */
export function servicePoint(latitude: string | null, longitude: string | null): MicroPoint | null {
  if (latitude === null || longitude === null) return null;
  const x = decimalToMicro(longitude);
  const y = decimalToMicro(latitude);
  return x === null || y === null ? null : { x, y };
}

const decimalText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** A zone as stored, its shape parsed only when a point falls inside its box. */
interface StoredZone extends ZoneHit {
  box: { minX: number | null; maxX: number | null; minY: number | null; maxY: number | null };
  geometry: string | ZoneGeometry;
  shape?: ReturnType<typeof storedZoneShape>;
}

interface TaxRow {
  id: number;
  name: string;
  tax_type_name: string;
  rate_e4: number;
  active: number;
  geographic: number;
}

/**
 * Decides which taxes a charge carries and how much each one is. Billing loads an
 * account's context once (inside its own transaction) and asks for lines synchronously.
 */
@Injectable()
export class TaxService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Loads what is needed once per account (overrides, geographic taxes the account falls in). */
  async contextFor(em: EntityManager, accountId: number, opts: { exempt: boolean }): Promise<AccountTaxContext> {
    if (!opts.exempt) {
      const [exists]: { id: number }[] = await em.query('SELECT id FROM accounts WHERE id = ?', [accountId]);
      if (!exists) throw new NotFoundException('Account', accountId);
    }
    return (await this.contextsFor(em, [{ accountId, exempt: opts.exempt }])).get(accountId) as AccountTaxContext;
  }

  /**
   * The contexts of many accounts in a fixed number of queries: the tax list once,
   * every override in one query, every location in one, and the zones once, each
   * tested against each point here.
   */
  async contextsFor(em: EntityManager, accounts: { accountId: number; exempt: boolean }[]): Promise<Map<number, AccountTaxContext>> {
    const contexts = new Map<number, AccountTaxContext>();
    for (const a of accounts.filter((x) => x.exempt)) {
      contexts.set(a.accountId, {
        accountId: a.accountId,
        exempt: true,
        taxes: new Map(),
        overrides: new Map(),
        zonesHit: [],
        zoneTaxIds: new Set(),
      });
    }
    const taxed = accounts.filter((a) => !a.exempt).map((a) => a.accountId);
    if (!taxed.length) return contexts;
    const taxes = await this.allTaxes(em);
    const overrideRows: { account_id: number; tax_id: number; kind: TaxOverrideKind; rate_e4: number | null }[] = await em.query(
      'SELECT account_id, tax_id, kind, rate_e4 FROM account_tax_overrides WHERE account_id IN (?)',
      [taxed],
    );
    const locations: { id: number; lat: string | null; lng: string | null }[] = await em.query(
      'SELECT id, service_latitude AS lat, service_longitude AS lng FROM accounts WHERE id IN (?)',
      [taxed],
    );
    const located = locations.some((l) => servicePoint(l.lat, l.lng) !== null);
    const zones = located ? await this.allZones(em) : [];
    for (const location of locations) {
      const accountId = Number(location.id);
      const overrides = new Map(
        overrideRows
          .filter((r) => Number(r.account_id) === accountId)
          .map((r) => [Number(r.tax_id), { kind: r.kind, rateE4: r.rate_e4 === null ? null : Number(r.rate_e4) }]),
      );
      const zonesHit = this.zonesAt(zones, decimalText(location.lat), decimalText(location.lng));
      contexts.set(accountId, { accountId, exempt: false, taxes, overrides, zonesHit, zoneTaxIds: new Set(zonesHit.map((z) => z.taxId)) });
    }
    return contexts;
  }

  private async allTaxes(em: EntityManager): Promise<Map<number, TaxFacts>> {
    const taxRows: TaxRow[] = await em.query(
      `SELECT t.id, t.name, ty.name AS tax_type_name, t.rate_e4, t.active,
              EXISTS (SELECT 1 FROM tax_zones z WHERE z.tax_id = t.id) AS geographic
         FROM taxes t JOIN tax_types ty ON ty.id = t.tax_type_id`,
    );
    return new Map(
      taxRows.map((r) => [
        Number(r.id),
        {
          id: Number(r.id),
          name: r.name,
          taxTypeName: r.tax_type_name,
          rateE4: Number(r.rate_e4),
          active: Number(r.active) === 1,
          geographic: Number(r.geographic) === 1,
        },
      ]),
    );
  }

  private async allZones(em: EntityManager): Promise<StoredZone[]> {
    const rows: {
      id: number;
      name: string;
      tax_id: number;
      geometry: string | ZoneGeometry;
      min_lat: string;
      max_lat: string;
      min_lng: string;
      max_lng: string;
    }[] = await em.query('SELECT id, name, tax_id, geometry, min_lat, max_lat, min_lng, max_lng FROM tax_zones ORDER BY id');
    return rows.map((z) => ({
      zoneId: Number(z.id),
      zoneName: z.name,
      taxId: Number(z.tax_id),
      box: {
        minY: decimalToMicro(String(z.min_lat)),
        maxY: decimalToMicro(String(z.max_lat)),
        minX: decimalToMicro(String(z.min_lng)),
        maxX: decimalToMicro(String(z.max_lng)),
      },
      geometry: z.geometry,
    }));
  }

  /** Zones containing a point: the stored box rules most out, the polygon decides. */
  private zonesAt(zones: StoredZone[], latitude: string | null, longitude: string | null): ZoneHit[] {
    const point = servicePoint(latitude, longitude);
    if (!point) return [];
    const hits: ZoneHit[] = [];
    for (const zone of zones) {
      const { box } = zone;
      if (box.minX === null || box.maxX === null || box.minY === null || box.maxY === null) continue;
      if (point.x < box.minX || point.x > box.maxX || point.y < box.minY || point.y > box.maxY) continue;
      zone.shape ??= storedZoneShape(typeof zone.geometry === 'string' ? JSON.parse(zone.geometry) : zone.geometry);
      if (shapeContains(zone.shape, point)) hits.push({ zoneId: zone.zoneId, zoneName: zone.zoneName, taxId: zone.taxId });
    }
    return hits;
  }

  /**
   * Taxes on one line, in the order of taxIds: inactive taxes, geographic taxes whose zones miss
   * the account and taxes the account is exempt from are left out (all of them when the account
   * is exempt); an account's own rate replaces the tax's. Each tax is rounded on its own.
   */
  taxLines(ctx: AccountTaxContext, lineAmount: number, taxIds: number[]): TaxLine[] {
    if (ctx.exempt) return [];
    const lines: TaxLine[] = [];
    for (const taxId of new Set(taxIds)) {
      const tax = ctx.taxes.get(taxId);
      if (!tax) throw new Error(`Tax ${taxId} was not loaded for account ${ctx.accountId}`);
      if (!tax.active) continue;
      if (tax.geographic && !ctx.zoneTaxIds.has(taxId)) continue;
      const override = ctx.overrides.get(taxId);
      if (override?.kind === 'exempt') continue;
      const rateE4 = override?.kind === 'rate' && override.rateE4 !== null ? override.rateE4 : tax.rateE4;
      lines.push({ taxId, taxName: tax.name, taxTypeName: tax.taxTypeName, rateE4, amount: taxAmount(lineAmount, rateE4) });
    }
    return lines;
  }

  /** Zones containing the account's service location (none without coordinates). */
  async zonesContaining(em: EntityManager, accountId: number): Promise<ZoneHit[]> {
    const account = await em.findOne(Account, {
      select: { id: true, serviceLatitude: true, serviceLongitude: true },
      where: { id: accountId },
    });
    if (!account) throw new NotFoundException('Account', accountId);
    if (!servicePoint(account.serviceLatitude, account.serviceLongitude)) return [];
    return this.zonesAt(await this.allZones(em), account.serviceLatitude, account.serviceLongitude);
  }

  /** The geographic taxes an account falls in, with the zones that put it there, for the account's Taxes tab. */
  async geoTaxesFor(accountId: number, query: ListQuery<GeoTaxFilterDto, GeoTaxSortField>): Promise<ListResult<GeoTaxResponseDto>> {
    const all = (await this.allGeoTaxesFor(this.db.manager, accountId)).filter(
      (t) => query.filter.taxId === undefined || t.taxId === query.filter.taxId,
    );
    const direction = query.sort.order === 'ASC' ? 1 : -1;
    const byField = (a: GeoTaxResponseDto, b: GeoTaxResponseDto) =>
      query.sort.field === 'taxName' ? a.taxName.localeCompare(b.taxName) : 0;
    all.sort((a, b) => direction * (byField(a, b) || a.taxId - b.taxId));
    return new ListResult('geo-taxes', all.slice(query.offset, query.offset + query.limit), all.length, query.offset);
  }

  private async allGeoTaxesFor(em: EntityManager, accountId: number): Promise<GeoTaxResponseDto[]> {
    const hits = await this.zonesContaining(em, accountId);
    if (!hits.length) return [];
    const taxIds = [...new Set(hits.map((h) => h.taxId))];
    const rows: TaxRow[] = await em.query(
      `SELECT t.id, t.name, ty.name AS tax_type_name, t.rate_e4, t.active, 1 AS geographic
         FROM taxes t JOIN tax_types ty ON ty.id = t.tax_type_id
        WHERE t.id IN (?)`,
      [taxIds],
    );
    return rows.map((r) => ({
      taxId: Number(r.id),
      taxName: r.name,
      taxTypeName: r.tax_type_name,
      rateE4: Number(r.rate_e4),
      active: Number(r.active) === 1,
      zones: hits.filter((h) => h.taxId === Number(r.id)).map((h) => ({ id: h.zoneId, name: h.zoneName })),
    }));
  }
}
