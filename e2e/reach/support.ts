import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';

export type TMessages = {
  Portal: Record<string, string> & { tabs: Record<string, string> };
  Pdf: Record<string, string>;
  PortalActions: Record<string, string> & { reasons: Record<string, string>; errors: Record<string, string>; details: Record<string, string> };
};

export const messagesOf = (locale: string) => JSON.parse(readFileSync(`lib/i18n/messages/${locale}.json`, 'utf8')) as TMessages;

/** next-intl shows a missing message as its key path, such as "Portal.tabs.overview". */
export const MISSING_MESSAGE = /\b(Home|LinkPage|Portal|Pdf|Errors|PortalActions)\.[a-z][A-Za-z-]+/;

/** Text compared across ICU versions: every kind of space as one. */
export const spaces = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** Presses Tab until the locator has the focus, as a keyboard user would reach it; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}
