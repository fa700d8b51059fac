/**
 * The service type a word names, as inventory files and rate cards write it: the type itself
 * (`mobile-line`, `Mobile Line`) or a word spreadsheets and carrier portals use for it (`Mobile`,
 * `DIA`, `T1`). One reading for the inventory import and the rate card, so a rate written by type
 * the way the inventory was prices the services the inventory read that way.
 */
import { headerKey } from '../import/header-key';
import { SERVICE_TYPES, type ServiceType } from '../model';

const TYPE_ALIASES: Record<string, ServiceType> = {
  mobile: 'mobile-line',
  wireless: 'mobile-line',
  cell: 'mobile-line',
  mpls: 'mpls-sdwan',
  sdwan: 'mpls-sdwan',
  pots: 'pots-line',
  analog: 'pots-line',
  pri: 'trunk',
  sip: 'trunk',
  tollfree: 'toll-free',
  dia: 'internet',
  broadband: 'internet',
  ucaas: 'ucaas-seat',
  seat: 'ucaas-seat',
  // Words inventory spreadsheets and carrier portals use for the same kinds.
  cellular: 'mobile-line',
  smartphone: 'mobile-line',
  hotspot: 'mobile-line',
  tablet: 'mobile-line',
  analogline: 'pots-line',
  faxline: 'pots-line',
  alarmline: 'pots-line',
  siptrunk: 'trunk',
  pritrunk: 'trunk',
  ethernet: 'circuit',
  t1: 'circuit',
  ds1: 'circuit',
  ds3: 'circuit',
  cable: 'internet',
  teams: 'ucaas-seat',
};

/** The type `text` names; `other` for a blank cell, null for a word naming none. */
export function serviceTypeOf(text: string): ServiceType | null {
  const key = headerKey(text);
  if (key === '') return 'other';
  return SERVICE_TYPES.find((type) => headerKey(type) === key) ?? TYPE_ALIASES[key] ?? null;
}
