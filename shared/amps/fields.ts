// Field-level schemas shared by every AMPS message. The spec (004) gives no maximum
// lengths; the limits here are ours, recorded in docs/decisions.md (D3). Where seed 003
// names Aria's own limits (client_acct_id 50, plan instance id 100) we use those.
import { z } from 'zod';
import { BIRTH_DATE_MIN, INPUT_RULE, checkAddressComplete, checkPostal, isRealDate, localToday, lookupPostalCode, normalizePhone, parsePhone, type RuleIssue } from '../domain/input';

export const LIMITS = {
  accountId: 50,
  userId: 50,
  name: 100,
  fullName: 200,
  addressLine: 100,
  postalCode: 20,
  city: 100,
  locality: 100,
  stateProv: 50,
  streetName: 100,
  streetNo: 20,
  flat: 20,
  phone: 30,
  email: 254,
  code: 50,
  description: 255,
  planInstanceId: 100,
  commentAuthor: 100,
  commentText: 20_000,
  applicationId: 100,
  dateTime: 32,
  directions: 500,
  sessionId: 128,
  searchRows: 1000,
} as const;

/** Text that may be absent: the spec uses "", null and a missing key interchangeably. */
export const optText = (max: number) => z.string().max(max).nullish();

/** Non-negative integer identifier (account no, billing group no, ...). Accepts 42050256.0. */
export const idNo = z.number().int().nonnegative();
export const optIdNo = idNo.nullish();

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A date as YYYY-MM-DD that exists (2026-02-31 is refused, never rolled over or dropped). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || isRealDate(v), INPUT_RULE.dateInvalid);

/** A birth date: a real date, not in the future, not before 1900. */
export const birthDate = isoDate
  .refine((v) => !isRealDate(v) || v <= localToday(), INPUT_RULE.birthDateFuture)
  .refine((v) => !isRealDate(v) || v >= BIRTH_DATE_MIN, INPUT_RULE.birthDateTooOld);

/** A phone number (shared/domain/input/phone.ts): blank, or valid and sent as E.164. */
export const phoneNumber = z
  .string()
  .max(LIMITS.phone)
  .nullish()
  .refine((v) => !v || !v.trim() || parsePhone(v).ok, INPUT_RULE.phoneInvalid)
  .transform((v) => (v && v.trim() ? (normalizePhone(v) ?? v) : v));

/** Puts the issues of a shared input rule on their fields (under an optional path prefix). */
export function addRuleIssues(ctx: z.RefinementCtx, issues: readonly RuleIssue[], prefix: readonly PropertyKey[] = []): void {
  for (const i of issues) ctx.addIssue({ code: 'custom', path: [...prefix, i.field], message: i.message });
}

/**
 * A date-time as the spec writes it: "2017-08-16T14:30:20", "2019-12-31 19:42:12" or a
 * bare date "2019-10-19". All are read as UTC (decision D4).
 */
export const ampsDateTime = z
  .string()
  .max(LIMITS.dateTime)
  .regex(
    /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z?)?$/,
    'expected a date-time as YYYY-MM-DD, YYYY-MM-DDTHH:mm:ss or YYYY-MM-DD HH:mm:ss',
  )
  .refine((v) => !/^\d{4}-\d{2}-\d{2}/.test(v) || isRealDate(v.slice(0, 10)), INPUT_RULE.dateInvalid);

/** Parses any of the accepted date-time forms as UTC; NaN when unparseable. */
export function parseAmpsDateTime(value: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z?)?$/.exec(value);
  if (!m) return Number.NaN;
  const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0'] = m;
  const t = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s, +ms.padEnd(3, '0'));
  const check = new Date(t);
  // Reject 2019-02-31 and the like instead of rolling over.
  if (check.getUTCMonth() !== +mo! - 1 || check.getUTCDate() !== +d!) return Number.NaN;
  return t;
}

/** Formats an instant the way this client sends it: "YYYY-MM-DDTHH:mm:ss" in UTC. */
export function formatAmpsDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** Contact details as used by account, statement and billing contacts, and by search (004 field lists). */
export const contactShape = {
  firstName: optText(LIMITS.name),
  middleInitials: optText(LIMITS.name),
  lastName: optText(LIMITS.name),
  fullName: optText(LIMITS.fullName),
  addressLine1: optText(LIMITS.addressLine),
  addressLine2: optText(LIMITS.addressLine),
  addressLine3: optText(LIMITS.addressLine),
  countryCode: optText(2),
  postalCode: optText(LIMITS.postalCode),
  postalCity: optText(LIMITS.city),
  addrLocality: optText(LIMITS.locality),
  addrStateProv: optText(LIMITS.stateProv),
  streetName: optText(LIMITS.streetName),
  streetNo: optText(LIMITS.streetNo),
  flatNo: optText(LIMITS.flat),
  flatSpec: optText(LIMITS.flat),
  flatFloor: optText(LIMITS.flat),
  entranceNo: optText(LIMITS.flat),
  homePhone: optText(LIMITS.phone),
  cellPhone: optText(LIMITS.phone),
  workPhone: optText(LIMITS.phone),
  emailAddress: optText(LIMITS.email),
};

/** Contact as returned: lenient (retrieve sample even says flagFloor for flatFloor). */
// Rows are data: a longer name or a three-letter country code in one stored contact must not
// fail a whole search, so the limits of what we send are not applied to what we read (D20).
const readText = Object.fromEntries(Object.keys(contactShape).map((k) => [k, z.string().nullish()])) as {
  [K in keyof typeof contactShape]: z.ZodOptional<z.ZodNullable<z.ZodString>>;
};
export const contactDetails = z.object({
  ...readText,
  birthDate: z.string().nullish(),
});
export type ContactDetails = z.infer<typeof contactDetails>;

/** 004: an account is named by ariaAccountNo or ariaAccountID; one of them must be there. */
export function requireAccountRef(v: { ariaAccountNo?: number | null; ariaAccountID?: string | null }, ctx: z.RefinementCtx): void {
  if (!v.ariaAccountNo && !(v.ariaAccountID ?? '').trim())
    ctx.addIssue({ code: 'custom', path: ['ariaAccountNo'], message: 'ariaAccountNo or ariaAccountID is required' });
}

const STATE_PROV_COUNTRIES = new Set(['US', 'AU', 'CA']);

/**
 * Contact as written (MODIFY, ADD, create): the rules of the 004 field lists —
 * fullName must be present; addressLine2 needs addressLine1, addressLine3 needs
 * addressLine2; emailAddress must be valid; addrStateProv for US/AU/CA — and our input
 * rules (shared/domain/input, D20–D23): phone numbers valid and sent as E.164, a country
 * from ISO 3166-1, a Norwegian postal code from the register with its poststed (filled in
 * when the city is empty), a birth date that exists. `complete` adds: an address is all or
 * nothing (street, postal code, city), for contacts that are written whole.
 */
function contactInputSchema(complete: boolean) {
  return z
    .object({
      ...contactShape,
      homePhone: phoneNumber,
      cellPhone: phoneNumber,
      workPhone: phoneNumber,
      birthDate: birthDate.nullish(),
    })
    .superRefine((c, ctx) => {
      const has = (v: string | null | undefined) => typeof v === 'string' && v.trim() !== '';
      if (!has(c.fullName)) ctx.addIssue({ code: 'custom', path: ['fullName'], message: 'fullName must be present' });
      if (has(c.addressLine2) && !has(c.addressLine1))
        ctx.addIssue({ code: 'custom', path: ['addressLine1'], message: 'addressLine1 is required when addressLine2 is given' });
      if (has(c.addressLine3) && !has(c.addressLine2))
        ctx.addIssue({ code: 'custom', path: ['addressLine2'], message: 'addressLine2 is required when addressLine3 is given' });
      if (has(c.emailAddress) && !EMAIL_PATTERN.test(c.emailAddress!.trim()))
        ctx.addIssue({ code: 'custom', path: ['emailAddress'], message: 'emailAddress must be a valid email address' });
      if (has(c.countryCode) && !/^[A-Z]{2}$/.test(c.countryCode!))
        ctx.addIssue({ code: 'custom', path: ['countryCode'], message: 'countryCode must be two capital letters (ISO 3166-1)' });
      if (has(c.addrStateProv) && has(c.countryCode) && !STATE_PROV_COUNTRIES.has(c.countryCode!))
        ctx.addIssue({ code: 'custom', path: ['addrStateProv'], message: 'addrStateProv is only used for US, AU and CA addresses' });
      const postal = checkPostal(
        { country: /^[A-Z]{2}$/.test(c.countryCode ?? '') ? c.countryCode : '', postalCode: c.postalCode, city: c.postalCity },
        { country: 'countryCode', postalCode: 'postalCode', city: 'postalCity' },
      );
      addRuleIssues(ctx, postal.issues);
      if (complete)
        addRuleIssues(
          ctx,
          checkAddressComplete(
            { street: has(c.addressLine1) ? c.addressLine1 : c.streetName, postalCode: c.postalCode, city: postal.filledCity ?? c.postalCity },
            { street: has(c.streetName) ? 'streetName' : 'addressLine1', postalCode: 'postalCode', city: 'postalCity' },
          ),
        );
    })
    .transform((c) => {
      // The poststed comes from the register when only the postal code was given.
      if ((c.postalCity ?? '').trim() || !(c.postalCode ?? '').trim() || (c.countryCode && c.countryCode !== 'NO')) return c;
      const entry = lookupPostalCode(c.postalCode!);
      return entry ? { ...c, postalCity: entry.place } : c;
    });
}

export const contactInput = contactInputSchema(false);
/** A contact written whole (a new statement contact): its address is all or nothing. */
export const completeContactInput = contactInputSchema(true);
export type ContactInput = z.infer<typeof contactInput>;

/** msgAuthDetails (every request). authKey is absent for the three endpoints that forbid it. */
export const msgAuthDetails = z.object({
  clientNo: z.number().int().nonnegative(),
  authKey: z.string().max(64).nullish(),
  requestDateTime: ampsDateTime,
  signatureValue: z.string().min(1).max(256),
  // The samples send both "1.0" and 1.0 (which JSON reads as the number 1). Only a whole
  // number reads as "N.0": 1.04 stays "1.04" and is refused, not rounded to "1.0".
  signatureVersion: z.union([z.string().max(10), z.number()]).transform((v) => (typeof v === 'number' ? (Number.isInteger(v) ? v.toFixed(1) : String(v)) : v)),
  ariaAccountID: optText(LIMITS.accountId),
  ariaAccountNo: optIdNo,
  userID: optText(LIMITS.userId),
});
export type MsgAuthDetails = z.input<typeof msgAuthDetails>;

export const resultInfo = z.object({
  resultCode: z.number().int(),
  resultText: z.string(),
  /** Sandbox extension: the fields a failure is about (docs/decisions.md D7). */
  errorFields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ResultInfo = z.infer<typeof resultInfo>;

export const titleFilter = z.object({ titleCode: optText(LIMITS.code), titleDomain: optText(LIMITS.code) });

export const translationEntry = z.object({
  localeID: z.string().optional(),
  solmLocaleID: z.string().optional(),
  objectName: z.string().optional(),
  solmRefTransText: z.string().optional(),
});
export const translations = z.array(
  z.object({ solmRefTransNo: z.union([z.string(), z.number()]).optional(), solmTranslationEntry: z.array(translationEntry) }),
);

export const titleInfo = z.object({
  titleCode: z.string(),
  titleName: z.string().nullish(),
  titleDesc: z.string().nullish(),
  titleNameTranslations: z.unknown().optional(),
  titleDescTranslations: z.unknown().optional(),
  titleDomain: z.string().nullish(),
});
export type TitleInfo = z.infer<typeof titleInfo>;
