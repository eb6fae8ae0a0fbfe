'use client';

import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The dialog's tab stops in order; a radio group is one stop (its checked radio, or its first). */
function tabStops(dialog: HTMLElement): HTMLElement[] {
  const seenGroups = new Set<string>();
  return [...dialog.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => {
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || !el.name) return true;
    if (seenGroups.has(el.name)) return false;
    seenGroups.add(el.name);
    return true;
  }).map((el) => {
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio') return el;
    return dialog.querySelector<HTMLElement>(`input[type="radio"][name="${CSS.escape(el.name)}"]:checked`) ?? el;
  });
}

/** Tab from the last stop wraps to the first, Shift+Tab from the first to the last: focus never leaves. */
function trapTab(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== 'Tab') return;
  const stops = tabStops(event.currentTarget);
  if (stops.length === 0) return;
  const first = stops[0]!;
  const last = stops[stops.length - 1]!;
  const active = document.activeElement;
  const inFirstGroup = active instanceof HTMLInputElement && active.type === 'radio' && first instanceof HTMLInputElement && active.name === first.name;
  if (event.shiftKey && (active === first || inFirstGroup || active === event.currentTarget)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

type TProps = { open: boolean; onClose: () => void; labelledBy: string; children: ReactNode };

/**
 * A modal dialog on the native <dialog>: showModal() makes the rest of the page inert, Tab and
 * Shift+Tab cycle inside it (the browser alone would let focus out to its own toolbar), Escape
 * closes it, and focus returns to whatever opened it.
 */
export function Dialog({ open, onClose, labelledBy, children }: TProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      onKeyDown={trapTab}
      // Escape makes a close request: cancel now, the close event in a later task. The state follows
      // at cancel, so a click in between opens the dialog again instead of setting a state that
      // is still open, and the late close event of an older close leaves the new open alone.
      onCancel={onClose}
      onClose={(event) => {
        if (event.currentTarget.open) return;
        onClose();
        (opener.current as HTMLElement | null)?.focus?.();
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-6 text-zinc-900 backdrop:bg-black/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      {children}
    </dialog>
  );
}
