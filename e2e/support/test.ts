import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { readCredentials, readFixtures, type TTestFixtures } from '../../lib/testing/test-server';
import type { TDemoCredentials } from '../../prisma/seed/seed-demo-data';

type TFixtures = { credentials: TDemoCredentials; fixtures: TTestFixtures };

export const test = base.extend<TFixtures>({
  baseURL: async ({}, provide) => provide(process.env.PLUGIPAY_TEST_BASE_URL),
  credentials: async ({}, provide) => provide(readCredentials(process.env.PLUGIPAY_TEST_CREDENTIALS!)),
  fixtures: async ({}, provide) => provide(readFixtures(process.env.PLUGIPAY_TEST_DATA_DIR!)),
});

export { expect };

/** WCAG 2.2 AA violations on the page as it is now; an empty list is a pass. */
export async function accessibilityViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

export async function hasHorizontalScroll(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}
