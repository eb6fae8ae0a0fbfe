'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The tabs in one row that scrolls sideways when a phone is too narrow for them, with the current
 * tab brought into view (it may be the last one).
 */
export function TabStrip({ children }: { children: ReactNode }) {
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const strip = list.current;
    const current = strip?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!strip || !current) return;
    const start = current.offsetLeft - strip.offsetLeft;
    if (start < strip.scrollLeft || start + current.offsetWidth > strip.scrollLeft + strip.clientWidth) {
      strip.scrollLeft = start + current.offsetWidth - strip.clientWidth + 16;
    }
  }, []);
  return (
    <ul ref={list} className="-mb-px flex gap-x-1 overflow-x-auto [scrollbar-width:thin]">
      {children}
    </ul>
  );
}
