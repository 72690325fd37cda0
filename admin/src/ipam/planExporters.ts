import type { Exporter } from 'react-admin';
import { downloadRows } from '../correspondence/csv';
import type { Pool, Subnet, Supernet } from '../network/types';

/** The rows the list fetched for its filters, with the address counts as the exact decimals the API gives. */
export const supernetsExporter: Exporter<Supernet> = (supernets) =>
  downloadRows(
    'ip-supernets',
    ['id', 'name', 'family', 'network', 'subnets', 'description', 'created_at'],
    supernets.map((s) => [s.id, s.name, s.family, s.network, s.subnetCount, s.description, s.createdAt]),
  );

export const subnetsExporter: Exporter<Subnet> = (subnets) =>
  downloadRows(
    'ip-subnets',
    ['id', 'supernet', 'name', 'family', 'network', 'gateway', 'usable', 'assigned', 'percent_used', 'assigned_whole', 'description'],
    subnets.map((s) => [
      s.id,
      s.supernetName,
      s.name,
      s.family,
      s.network,
      s.gateway,
      s.usage.usable,
      s.usage.assigned,
      s.usage.percent,
      s.assignedWhole,
      s.description,
    ]),
  );

export const poolsExporter: Exporter<Pool> = (pools) =>
  downloadRows(
    'ip-pools',
    ['id', 'subnet', 'name', 'family', 'first_address', 'last_address', 'usable', 'assigned', 'percent_used', 'description'],
    pools.map((p) => [
      p.id,
      p.subnetNetwork,
      p.name,
      p.family,
      p.firstAddress,
      p.lastAddress,
      p.usage.usable,
      p.usage.assigned,
      p.usage.percent,
      p.description,
    ]),
  );
