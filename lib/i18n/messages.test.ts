import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
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
});
