'use client';

import { useSyncExternalStore } from 'react';

// One status line per page: what the last change did, announced by the live region that
// StatusAnnouncer renders. A module-level store, so that any island can speak without a provider.
let message = '';
const listeners = new Set<() => void>();

let pending = '';

/** Says `text` on the page a change leads to (the status line clears when the page changes). */
export function announceOnNextPage(text: string): void {
  pending = text;
}

export function takePendingAnnouncement(): string {
  const text = pending;
  pending = '';
  return text;
}

export function announce(text: string): void {
  message = text;
  for (const listener of listeners) listener();
}

export function useAnnouncement(): string {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => message,
    () => '',
  );
}
