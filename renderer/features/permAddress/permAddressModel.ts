// The permanent address change as a form whose paths are the AcctChangePermAddress request
// paths (distAddressNo, distAddressType, acctDeliveryAddress.*, ariaMPINo, dateEffective),
// so the shared schema's errors land on the fields.
import { z } from 'zod';
import { acctChangePermAddressRequestDetails, formatAmpsDateTime, type ContactDetails, type DeliveryAddressOut } from '../../../shared/amps';
import { compactRequest, type FieldChange } from '../../../shared/domain/fieldDiff';
import { countryName, INPUT_RULE, type CountryLanguage } from '../../../shared/domain/input';
import { INVALID_DATE } from '../../components/dateValue';
import type { DeliveryInfo, PermAddressChange } from '../../state/permAddressStore';

export const ADDRESS_FIELDS = [
  'distAddrName',
  'distCoAddr',
  'distAddrLine1',
  'distAddrLine2',
  'distAddrLine3',
  'distAddrLine4',
  'distStreetName',
  'distStreetNo',
  'distEntranceNo',
  'distFlatFloor',
  'distFlatNo',
  'distFlatSpec',
  'distApartmentNo',
  'distPublAddrNo',
  'distAddrCountryCode',
  'distAddrPostalCode',
  'distAddrCity',
  'distAddrLocality',
  'distAddrStateProv',
  'distDirections',
] as const;
export type AddressForm = { [K in (typeof ADDRESS_FIELDS)[number] | 'distAddrType']: string };

export interface PermAddressForm {
  mode: 'existing' | 'new';
  distAddressNo: string;
  acctDeliveryAddress: AddressForm;
  scope: 'account' | 'subscription';
  ariaMPINo: string;
  dateEffective: string;
}

export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function emptyPermForm(): PermAddressForm {
  const address = Object.fromEntries(ADDRESS_FIELDS.map((k) => [k, ''])) as AddressForm;
  return {
    mode: 'existing',
    distAddressNo: '',
    acctDeliveryAddress: { ...address, distAddrType: '', distAddrCountryCode: 'NO' },
    scope: 'account',
    ariaMPINo: '',
    dateEffective: todayIso(),
  };
}

/**
 * A bare date is midnight UTC (D4); "today" is sent as now, so a change made just after
 * local midnight is in effect at once rather than at 01:00 or 02:00.
 */
export function effectiveDate(date: string, now = new Date()): string {
  if (!date) return '';
  return date === todayIso(now) ? formatAmpsDateTime(now.getTime()) : date;
}

export function toChange(accountNo: number, f: PermAddressForm): PermAddressChange {
  const a = f.acctDeliveryAddress;
  const isNew = f.mode === 'new';
  const change = (compactRequest({
    ariaAccountNo: accountNo,
    distAddressNo: !isNew && /^\d+$/.test(f.distAddressNo.trim()) ? Number(f.distAddressNo) : undefined,
    distAddressType: isNew ? a.distAddrType : undefined,
    acctDeliveryAddress: isNew ? a : undefined,
    ariaMPINo: f.scope === 'subscription' && /^\d+$/.test(f.ariaMPINo.trim()) ? Number(f.ariaMPINo) : undefined,
    dateEffective: f.dateEffective === INVALID_DATE ? undefined : effectiveDate(f.dateEffective),
  }) ?? { ariaAccountNo: accountNo }) as PermAddressChange;
  // The required fields stay even when blank, so the schema names them ("… is required").
  if (isNew)
    change.acctDeliveryAddress = {
      ...change.acctDeliveryAddress,
      distAddrCity: a.distAddrCity.trim(),
      distAddrPostalCode: a.distAddrPostalCode.trim(),
      distAddrCountryCode: a.distAddrCountryCode.trim().toUpperCase(),
    };
  return change;
}

export interface Messages {
  chooseAddress: string;
  chooseSubscription: string;
  chooseType: string;
}

/**
 * The form's own choices (an address picked, a type, a subscription) and the shared
 * AcctChangePermAddress rules, checked together so every missing field is named at once.
 */
export function permSchema(accountNo: number, m: Messages) {
  return z.custom<PermAddressForm>().transform((f, ctx) => {
    if (f.mode === 'existing' && !/^\d+$/.test(f.distAddressNo.trim())) ctx.addIssue({ code: 'custom', path: ['distAddressNo'], message: m.chooseAddress });
    if (f.mode === 'new' && !f.acctDeliveryAddress.distAddrType.trim())
      ctx.addIssue({ code: 'custom', path: ['acctDeliveryAddress', 'distAddrType'], message: m.chooseType });
    if (f.scope === 'subscription' && !/^\d+$/.test(f.ariaMPINo.trim())) ctx.addIssue({ code: 'custom', path: ['ariaMPINo'], message: m.chooseSubscription });
    if (f.dateEffective === INVALID_DATE) ctx.addIssue({ code: 'custom', path: ['dateEffective'], message: INPUT_RULE.dateInvalid });
    const parsed = acctChangePermAddressRequestDetails.safeParse(toChange(accountNo, f));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        // distAddressType is the new address's type, which the form asks for as distAddrType.
        const path = issue.path[0] === 'distAddressType' ? ['acctDeliveryAddress', 'distAddrType'] : issue.path;
        if (path.join('.') === 'acctDeliveryAddress.distAddrType' && f.mode === 'new' && !f.acctDeliveryAddress.distAddrType.trim()) continue;
        if (path[0] === 'dateEffective' && f.dateEffective === INVALID_DATE) continue;
        ctx.addIssue({ code: 'custom', path: path as PropertyKey[], message: issue.message });
      }
      return z.NEVER;
    }
    return parsed.data as PermAddressChange;
  });
}

/** An address as the before → after rows compare it. */
export function addressFields(a: Partial<DeliveryAddressOut> | Partial<AddressForm> | null | undefined): Record<string, string | null> {
  if (!a) return {};
  const r = a as Record<string, unknown>;
  const keys = ['distAddrType', ...ADDRESS_FIELDS];
  return Object.fromEntries(keys.map((k) => [k, r[k] === undefined || r[k] === null || r[k] === '' ? null : String(r[k])]));
}

/** The account's own (contact) address, as a delivery address, for when none is permanent yet. */
export function contactAsAddress(c: ContactDetails | null | undefined): Partial<DeliveryAddressOut> | null {
  if (!c || !(c.addressLine1 || c.streetName || c.postalCode)) return null;
  return {
    distAddrLine1: c.streetName ? null : c.addressLine1,
    distAddrLine2: c.addressLine2,
    distStreetName: c.streetName,
    distStreetNo: c.streetNo,
    distEntranceNo: c.entranceNo,
    distFlatFloor: c.flatFloor,
    distFlatNo: c.flatNo,
    distAddrPostalCode: c.postalCode ?? '',
    distAddrCity: c.postalCity ?? '',
    distAddrCountryCode: c.countryCode ?? '',
  };
}

/** The permanent address now in force for the chosen scope (else the account's own address). */
export function currentAddress(info: DeliveryInfo | null, f: PermAddressForm, fallback: Partial<DeliveryAddressOut> | null = null): Partial<DeliveryAddressOut> | null {
  if (!info) return fallback;
  if (f.scope === 'subscription') {
    const plan = info.planInstances.find((p) => String(p.ariaMPINo) === f.ariaMPINo);
    if (plan?.distAddressNo) return info.deliveryAddresses.find((a) => a.distAddressNo === plan.distAddressNo) ?? fallback;
  }
  return info.deliveryAddresses.find((a) => a.isPermanent) ?? fallback;
}

export function permChanges(info: DeliveryInfo | null, f: PermAddressForm, newLabel: string, fallback: Partial<DeliveryAddressOut> | null = null): FieldChange[] {
  const before = currentAddress(info, f, fallback);
  const after = f.mode === 'existing' ? (info?.deliveryAddresses.find((a) => String(a.distAddressNo) === f.distAddressNo) ?? null) : null;
  const b = addressFields(before);
  const a = f.mode === 'existing' ? addressFields(after) : addressFields({ ...f.acctDeliveryAddress, distAddrCountryCode: f.acctDeliveryAddress.distAddrCountryCode.toUpperCase() });
  const changes: FieldChange[] = [];
  changes.push({ path: 'distAddressNo', before: before?.distAddressNo ?? null, after: f.mode === 'existing' ? Number(f.distAddressNo) || null : null });
  for (const k of Object.keys({ ...b, ...a })) {
    const x = b[k] ?? null;
    const y = a[k] ?? null;
    if (x !== y) changes.push({ path: `acctDeliveryAddress.${k}`, before: x, after: y });
  }
  if (f.mode === 'new') changes[0] = { path: 'distAddressNo', before: changes[0]!.before, after: newLabel };
  return changes;
}

/**
 * One line, as it would be written on an envelope posted in Norway: "Testveien 12B, H0302,
 * 0150 Oslo"; a foreign address ends with its country's name in the UI language
 * ("Storgatan 1, 111 22 Stockholm, Sweden" / "…, Sverige"), never with the code.
 */
export function formatAddress(a: Partial<DeliveryAddressOut> | null | undefined, lang: CountryLanguage): string {
  if (!a) return '';
  const street = [a.distStreetName, a.distStreetNo].filter(Boolean).join(' ');
  // The Norwegian dwelling number (H0302) says floor and flat; else floor / entrance as given.
  const dwelling = a.distFlatNo || [a.distEntranceNo && `${a.distEntranceNo}`, a.distFlatFloor && `${a.distFlatFloor}.`].filter(Boolean).join(' ');
  const code = a.distAddrCountryCode?.trim().toUpperCase();
  const country = code && code !== 'NO' ? (countryName(code, lang) ?? code) : null;
  const parts = [a.distCoAddr ? `c/o ${a.distCoAddr}` : null, a.distAddrLine1 || street, dwelling, a.distAddrLine2, [a.distAddrPostalCode, a.distAddrCity].filter(Boolean).join(' '), country];
  return parts.filter((p, i) => p && parts.indexOf(p) === i).join(', ');
}
