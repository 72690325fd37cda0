import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AccountStatus } from '../accounts/account-status.entity';
import { AccountServicesService } from '../billing/account-services.service';
import type { AccountServiceResponseDto } from '../billing/dto/account-service.dto';
import { CatalogPackageRecord, CatalogService, CatalogServiceRecord, RECURRING_KINDS } from '../catalog/catalog.service';
import { BadInputException, ConflictException, NotFoundException } from '../common/errors';
import { formatMoney } from '../common/money';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { KindFields, REMOVING_KINDS, ScheduledEventKind } from './scheduled-event-kinds';
import type { ScheduledEventRow } from './scheduled-event-rows';
import { ScheduledEventsErrorCode } from './scheduled-events.error-codes';

/** What an event points at, as the summary and the data-service rule need it. */
export interface EventFacts {
  summary: string;
  /** The name of the data service (or package with one) it adds; null when it adds none. */
  addsData: string | null;
  /** The account service line it takes off the account. */
  removesLine: number | null;
}

interface Names {
  service?: CatalogServiceRecord;
  pkg?: CatalogPackageRecord;
  line?: AccountServiceResponseDto;
  status?: AccountStatus;
}

/** A line carries a data service when it has speeds: a data service, or a package holding one. */
export const isDataLine = (line: Pick<AccountServiceResponseDto, 'downloadKbps' | 'uploadKbps'>): boolean =>
  line.downloadKbps !== null || line.uploadKbps !== null;

const MAX_LINES = 1000;

/**
 * Reads what scheduled events point at (catalogue services and packages, the
 * account's service lines, statuses) through their own modules, checks it when an
 * event is created or edited, and puts each event into words.
 */
@Injectable()
export class ScheduledEventTargets {
  constructor(
    private readonly catalog: CatalogService,
    private readonly accountServices: AccountServicesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks a new or edited event's targets; a 400 names the field when it cannot be carried out. */
  async check(
    em: EntityManager,
    accountId: number,
    kind: ScheduledEventKind,
    fields: KindFields,
    pendingRemovals: ScheduledEventRow[],
  ): Promise<EventFacts> {
    const names: Names = {};
    if (kind === 'add_service') {
      const service = await this.catalog.requireService(em, fields.serviceId as number, 'serviceId');
      if (!RECURRING_KINDS.includes(service.kind)) {
        throw new BadInputException([
          { field: 'serviceId', rule: 'recurring', message: `${service.name} is a ${service.kind} service, not one billed every period` },
        ]);
      }
      if (!service.active)
        throw new BadInputException([{ field: 'serviceId', rule: 'active', message: `${service.name} is no longer offered` }]);
      names.service = service;
    } else if (kind === 'add_package') {
      const pkg = await this.catalog.requirePackage(em, fields.packageId as number, 'packageId');
      if (!pkg.active) throw new BadInputException([{ field: 'packageId', rule: 'active', message: `${pkg.name} is no longer offered` }]);
      names.pkg = pkg;
    } else if (kind === 'change_status') {
      const status = await em.findOneBy(AccountStatus, { id: fields.accountStatusId as number });
      if (!status) {
        throw new BadInputException([
          { field: 'accountStatusId', rule: 'exists', message: `account status ${fields.accountStatusId} does not exist` },
        ]);
      }
      names.status = status;
    } else {
      names.line = await this.requireLine(em, accountId, kind, fields.accountServiceId as number);
      const already = pendingRemovals.find((e) => REMOVING_KINDS.includes(e.kind) && e.accountServiceId === names.line?.id);
      if (REMOVING_KINDS.includes(kind) && already) {
        throw new ConflictException(
          ScheduledEventsErrorCode.RemovalAlreadyScheduled,
          `${names.line.name} is already scheduled to be removed (event ${already.id})`,
          [{ field: 'accountServiceId', rule: 'unique', message: `scheduled event ${already.id} already removes it` }],
        );
      }
    }
    return this.facts(kind, fields, names);
  }

  /** The facts of many saved events, reading each kind of target once. */
  async factsOf(em: EntityManager, rows: ScheduledEventRow[]): Promise<Map<number, EventFacts>> {
    const ids = (pick: (r: ScheduledEventRow) => number | null) => rows.map(pick).filter((id): id is number => id !== null);
    const services = await this.catalog.servicesByIds(
      em,
      ids((r) => r.serviceId),
    );
    const packages = await this.catalog.packagesByIds(
      em,
      ids((r) => r.packageId),
    );
    const lineIds = [...new Set(ids((r) => r.accountServiceId))];
    const lines = lineIds.length
      ? (await this.accountServices.list({ id: lineIds, includeRemoved: true }, 0, MAX_LINES)).items
      : ([] as AccountServiceResponseDto[]);
    const statusIds = ids((r) => r.accountStatusId);
    const statuses = statusIds.length ? await em.findBy(AccountStatus, { id: In(statusIds) }) : [];
    return new Map(
      rows.map((r) => [
        r.id,
        this.facts(r.kind, r, {
          service: r.serviceId === null ? undefined : services.get(r.serviceId),
          pkg: r.packageId === null ? undefined : packages.get(r.packageId),
          line: lines.find((l) => l.id === r.accountServiceId),
          status: statuses.find((s) => s.id === r.accountStatusId),
        }),
      ]),
    );
  }

  /** The account's data service lines, including ones with a removal booked for a later day. */
  async dataLines(accountId: number): Promise<AccountServiceResponseDto[]> {
    const { items } = await this.accountServices.list({ accountId, includeRemoved: true }, 0, MAX_LINES);
    return items.filter(isDataLine);
  }

  private async requireLine(
    em: EntityManager,
    accountId: number,
    kind: ScheduledEventKind,
    id: number,
  ): Promise<AccountServiceResponseDto> {
    let line: AccountServiceResponseDto;
    try {
      line = await this.accountServices.get(id, em);
    } catch (err) {
      if (!(err instanceof NotFoundException)) throw err;
      throw new BadInputException([{ field: 'accountServiceId', rule: 'exists', message: `service line ${id} does not exist` }]);
    }
    const fail = (rule: string, message: string) => new BadInputException([{ field: 'accountServiceId', rule, message }]);
    if (line.accountId !== accountId) throw fail('sameAccount', `service line ${id} is on another account`);
    if (line.removedOn !== null) throw fail('active', `${line.name} is already removed from ${line.removedOn}`);
    const isPackage = line.packageId !== null;
    if (kind === 'remove_service' && isPackage) throw fail('kind', `${line.name} is a package; schedule remove_package instead`);
    if (kind === 'remove_package' && !isPackage) throw fail('kind', `${line.name} is a service; schedule remove_service instead`);
    if ((kind === 'set_price_override' || kind === 'clear_price_override') && isPackage) {
      throw fail('servicesOnly', `${line.name} is a package, priced by its services; override prices on services only`);
    }
    return line;
  }

  private facts(kind: ScheduledEventKind, fields: KindFields, names: Names): EventFacts {
    const money = (cents: number | null) => formatMoney(cents ?? 0, this.config.CURRENCY);
    const times = fields.quantity !== null && fields.quantity > 1 ? ` × ${fields.quantity}` : '';
    const lineName = names.line?.name ?? `service line ${fields.accountServiceId}`;
    const removes = { addsData: null, removesLine: fields.accountServiceId };
    const neither = { addsData: null, removesLine: null };
    switch (kind) {
      case 'add_service': {
        const name = names.service?.name ?? `service ${fields.serviceId}`;
        const price = fields.priceOverride !== null ? ` at ${money(fields.priceOverride)}` : '';
        return { summary: `Add ${name}${times}${price}`, addsData: names.service?.kind === 'data' ? name : null, removesLine: null };
      }
      case 'add_package': {
        const name = names.pkg?.name ?? `package ${fields.packageId}`;
        const data = names.pkg?.items.some((item) => item.service.kind === 'data') ?? false;
        return { summary: `Add package ${name}${times}`, addsData: data ? name : null, removesLine: null };
      }
      case 'remove_service':
        return { summary: `Remove ${lineName}`, ...removes };
      case 'remove_package':
        return { summary: `Remove package ${lineName}`, ...removes };
      case 'change_status':
        return { summary: `Change status to ${names.status?.name ?? fields.accountStatusId}`, ...neither };
      case 'set_price_override':
        return { summary: `Set the price of ${lineName} to ${money(fields.priceOverride)}`, ...neither };
      case 'clear_price_override':
        return { summary: `Clear the price override on ${lineName}`, ...neither };
    }
  }
}
