'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import { bringCurrentTabIntoView } from '@/lib/portal-client/bring-current-tab-into-view';

/**
 * The tabs in one row that scrolls sideways when a phone is too narrow for them, with the current
 * tab brought into view: at first paint by the script PortalNav puts after it, and again here
 * after each client-side navigation.
 */
export function TabStrip({ children }: { children: ReactNode }) {
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => bringCurrentTabIntoView(list.current), []);
  return (
    <ul ref={list} className="-mb-px flex gap-x-1 overflow-x-auto [scrollbar-width:thin]">
      {children}
    </ul>
  );
}
