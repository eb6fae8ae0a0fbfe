import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { QueryProvider } from './QueryProvider';

/**
 * Where the portal's client actions live (dialogs, forms, buttons that change something): their
 * mutations' client and their messages. Only the pages that have actions carry those messages (7 KB
 * in English), not every page from the root layout.
 */
export async function ActionsProvider({ children }: { children: ReactNode }) {
  const { PortalActions } = await getMessages();
  return (
    <NextIntlClientProvider messages={{ PortalActions }}>
      <QueryProvider>{children}</QueryProvider>
    </NextIntlClientProvider>
  );
}
