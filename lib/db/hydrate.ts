import type { Prisma } from './generated/client';
import { getPrisma } from './get-db';

type TField = { name: string; kind: 'scalar' | 'enum' | 'object' | 'unsupported'; type: string };
type TConvert = (value: unknown) => unknown;

/**
 * What a raw query's JSON (`to_jsonb` of a table's row, its relations nested under their field
 * names) becomes so that code written for Prisma's results takes it unchanged: DateTime fields as
 * Dates, BigInt fields as BigInts, at every level. The field types come from the model Prisma
 * generated from the schema, so a column added there is converted here without a change.
 */
export function hydrate<T>(model: Prisma.ModelName, json: unknown): T {
  return converterOf(model)(json) as T;
}

const converters = new Map<string, TConvert>();

function converterOf(model: string): TConvert {
  let convert = converters.get(model);
  if (!convert) {
    // Set before its fields are read: a model reachable from itself (Account → platform) needs it.
    const fields: [string, TConvert][] = [];
    convert = (value) => {
      if (value === null || value === undefined) return null;
      const row = value as Record<string, unknown>;
      for (const [name, convertField] of fields) if (row[name] !== undefined) row[name] = convertField(row[name]);
      return row;
    };
    converters.set(model, convert);
    for (const field of modelFields(model)) {
      const one = field.kind === 'object' ? (v: unknown) => converterOf(field.type)(v) : SCALARS[field.type];
      if (one) fields.push([field.name, (v) => (Array.isArray(v) ? v.map(one) : v === null ? null : one(v))]);
    }
  }
  return convert;
}

const SCALARS: Record<string, TConvert> = {
  // to_jsonb writes a timestamp without time zone (the schema's columns, all UTC) without an offset.
  DateTime: (v) => new Date(/(Z|[+-]\d\d:\d\d)$/.test(v as string) ? (v as string) : `${v as string}Z`),
  BigInt: (v) => {
    // A JSON number past 2^53 has already lost digits: refuse it rather than show another amount.
    if (typeof v === 'number' && !Number.isSafeInteger(v)) throw new RangeError(`integer ${v} is past what JSON carries exactly`);
    return BigInt(v as number | string);
  },
};

function modelFields(model: string): TField[] {
  // The model Prisma's client runs on; its typings name it, its public API does not hand it out.
  const { models } = (getPrisma() as unknown as { _runtimeDataModel: { models: Record<string, { fields: TField[] }> } })._runtimeDataModel;
  const found = models[model];
  if (!found) throw new Error(`no model ${model}`);
  return found.fields;
}
