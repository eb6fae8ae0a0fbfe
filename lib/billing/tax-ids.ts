import { z } from 'zod';

// The tax ID types the API accepts, each with the shape its authority issues. A format check
// catches typos; whether the number is registered is for the merchant's tax service to confirm.
const FORMATS = {
  eu_vat: { pattern: /^(AT)U\d{8}$|^(BE)[01]\d{9}$|^(BG)\d{9,10}$|^(CY)\d{8}[A-Z]$|^(CZ)\d{8,10}$|^(DE)\d{9}$|^(DK)\d{8}$|^(EE)\d{9}$|^(EL)\d{9}$|^(ES)[A-Z0-9]\d{7}[A-Z0-9]$|^(FI)\d{8}$|^(FR)[A-HJ-NP-Z0-9]{2}\d{9}$|^(HR)\d{11}$|^(HU)\d{8}$|^(IE)\d{7}[A-W][A-I]?$|^(IE)\d[A-Z+*]\d{5}[A-W]$|^(IT)\d{11}$|^(LT)(\d{9}|\d{12})$|^(LU)\d{8}$|^(LV)\d{11}$|^(MT)\d{8}$|^(NL)\d{9}B\d{2}$|^(PL)\d{10}$|^(PT)\d{9}$|^(RO)\d{2,10}$|^(SE)\d{12}$|^(SI)\d{8}$|^(SK)\d{10}$|^(XI)(\d{9}|\d{12})$/, example: 'DE123456789' },
  gb_vat: { pattern: /^GB(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/, example: 'GB123456789' },
  id_npwp: { pattern: /^(\d{2}\.\d{3}\.\d{3}\.\d-\d{3}\.\d{3}|\d{15}|\d{16})$/, example: '01.234.567.8-901.000' },
  au_abn: { pattern: /^\d{11}$/, example: '12345678912' },
  jp_cn: { pattern: /^\d{13}$/, example: '1234567891234' },
  us_ein: { pattern: /^\d{2}-\d{7}$/, example: '12-3456789' },
  in_gst: { pattern: /^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/, example: '22AAAAA0000A1Z5' },
  br_cnpj: { pattern: /^\d{2}\.\d{3}\.\d{3}\/\d{4}-\d{2}$/, example: '01.234.456/5432-10' },
} as const;

export type TTaxIdType = keyof typeof FORMATS;
export const TAX_ID_TYPES = Object.keys(FORMATS) as TTaxIdType[];

/** What each type's number looks like, to show beside the field. */
export const taxIdExample = (type: TTaxIdType): string => FORMATS[type].example;

export const ZTaxId = z
  .strictObject({
    type: z.enum(TAX_ID_TYPES as [TTaxIdType, ...TTaxIdType[]]),
    // Spaces are how people copy them; they are not part of the number.
    value: z.string().trim().max(40).transform((v) => v.replace(/\s+/g, '').toUpperCase()),
  })
  .superRefine((id, ctx) => {
    const format = FORMATS[id.type];
    if (!format.pattern.test(id.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `is not a valid ${id.type} number (for example ${format.example})` });
    }
  });

export type TTaxId = { type: TTaxIdType; value: string };

export const ZTaxIds = z.array(ZTaxId).max(5);

/** Stored tax IDs read back; rows that are not (old or hand-edited) are skipped. */
export function readTaxIds(value: unknown): TTaxId[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => {
    const parsed = ZTaxId.safeParse(v);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The type a bare tax ID evidently is, for the formats that cannot be mistaken (EU and UK VAT, NPWP). */
export function evidentTaxIdType(value: string): TTaxIdType | null {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  for (const type of ['eu_vat', 'gb_vat', 'id_npwp'] as const) if (FORMATS[type].pattern.test(compact)) return type;
  return null;
}
