import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import compile from 'icu-minify/compile';
import format from 'icu-minify/format';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { LOCALES } from './locales';

const DIR = path.join(import.meta.dirname, 'messages');
type TTree = { [key: string]: string | TTree };

function flatten(tree: TTree, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[prefix + key, value]] : Object.entries(flatten(value, `${prefix}${key}.`)))),
  );
}

const read = (locale: string) => flatten(JSON.parse(readFileSync(path.join(DIR, `${locale}.json`), 'utf8')) as TTree);

/**
 * A message's arguments as `name:type`, with the options of every select (a translation must
 * offer the same choices) but not of plurals (languages have their own plural categories).
 */
function argumentsOf(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument) out.add(`${element.value}:text`);
    if (element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) out.add(`${element.value}:${TYPE[element.type]}`);
    if (element.type === TYPE.select) out.add(`${element.value}:select(${Object.keys(element.options).sort().join('|')})`);
    if (element.type === TYPE.plural) out.add(`${element.value}:plural`);
    if (element.type === TYPE.select || element.type === TYPE.plural) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, out);
    }
    if (element.type === TYPE.tag) argumentsOf(element.children, out);
  }
  return out;
}

// Words that are the same in the language as in English (checked by a speaker, not left over).
const SAME_AS_ENGLISH: Record<string, string[]> = {
  id: ['Home.status', 'Home.mode', 'Portal.status', 'Portal.total', 'Pdf.subtotal', 'Pdf.total', 'Pdf.status', 'PortalActions.details.email'],
  es: ['Portal.total', 'Pdf.subtotal', 'Pdf.total'],
  fr: ['Home.mode', 'Portal.date', 'Portal.total', 'Pdf.description', 'Pdf.total', 'PortalActions.details.taxIdType'],
  de: ['Home.status', 'Portal.status', 'Pdf.status', 'PortalActions.details.name'],
  'pt-BR': ['Home.status', 'Portal.status', 'Portal.total', 'Pdf.subtotal', 'Pdf.total', 'Pdf.status'],
  // Card forms there print the expiry as MM/YY too.
  ja: ['PortalActions.expiryPlaceholder'],
  'zh-CN': ['PortalActions.expiryPlaceholder'],
};
// Messages with no words of their own.
const NO_WORDS = ['Portal.periodRange', 'Portal.quantityTimesUnit', 'Pdf.taxRateLine', 'Pdf.taxIdLine'];

const english = read('en');

describe('message files', () => {
  it('exist for exactly the configured locales', () => {
    expect(readdirSync(DIR).map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...LOCALES].sort());
  });

  it('parse as ICU messages in English', () => {
    for (const [key, message] of Object.entries(english)) expect(() => parse(message), key).not.toThrow();
  });

  describe.each(LOCALES.filter((l) => l !== 'en'))('%s', (locale) => {
    const messages = read(locale);

    it('has every key English has, and no other', () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    });

    it('uses the same placeholders as English in every message', () => {
      for (const [key, message] of Object.entries(messages)) {
        const en = english[key];
        if (en === undefined) continue;
        expect([...argumentsOf(parse(message))].sort(), `${locale} ${key}`).toEqual([...argumentsOf(parse(en))].sort());
      }
    });

    it.runIf(['ja', 'zh-CN'].includes(locale))('uses full-width punctuation, as Japanese and Chinese text does', () => {
      const halfWidth = Object.entries(messages).filter(([, message]) => /[:()?!]/.test(message)).map(([key]) => key);
      expect(halfWidth).toEqual([]);
    });

    it('translates every message', () => {
      const same = Object.keys(english).filter((key) => messages[key] === english[key] && !NO_WORDS.includes(key));
      expect(same.sort()).toEqual([...(SAME_AS_ENGLISH[locale] ?? [])].sort());
    });
  });

  // The server's build compiles every message ahead of time (next.config.ts: next-intl's
  // precompile), and formats them with a small runtime instead of parsing each per request. What a
  // customer reads must not change: every message, in every locale, with every choice of its
  // selects and a range of counts, reads the same both ways.
  it.each(LOCALES)('%s reads the same precompiled as parsed', (locale) => {
    const formatters = {
      getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args),
      getNumberFormat: (...args: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...args),
      getPluralRules: (...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args),
    };
    let compared = 0;
    for (const [key, message] of Object.entries(read(locale))) {
      for (const values of sampleValues(parse(message))) {
        const parsed = new IntlMessageFormat(message, locale, undefined, { formatters }).format(values);
        expect(format(compile(message), locale, values, { formatters, timeZone: 'UTC' }), `${locale} ${key} ${JSON.stringify(values)}`).toEqual(parsed);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(Object.keys(english).length);
  });
});

/** Every combination of a message's select options and of some counts, with its other arguments filled in. */
function sampleValues(elements: MessageFormatElement[]): Array<Record<string, string | number>> {
  const choices = new Map<string, Array<string | number>>();
  const visit = (list: MessageFormatElement[]) => {
    for (const element of list) {
      if (element.type === TYPE.argument) choices.set(element.value, choices.get(element.value) ?? ['‹text›']);
      if (element.type === TYPE.number) choices.set(element.value, [1234.5]);
      if (element.type === TYPE.select) choices.set(element.value, Object.keys(element.options).filter((o) => o !== 'other').concat('unlisted'));
      if (element.type === TYPE.plural) choices.set(element.value, [0, 1, 2, 5, 21, 1000]);
      if (element.type === TYPE.select || element.type === TYPE.plural) for (const option of Object.values(element.options)) visit(option.value);
      if (element.type === TYPE.tag) visit(element.children);
    }
  };
  visit(elements);
  return [...choices].reduce<Array<Record<string, string | number>>>(
    (combinations, [name, options]) => combinations.flatMap((values) => options.map((option) => ({ ...values, [name]: option }))),
    [{}],
  );
}
