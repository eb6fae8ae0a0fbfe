/**
 * Scrolls a tab strip sideways so that its current tab is in view (on a phone it may be the last
 * one). Self-contained: the portal also inlines its source as a script right after the strip, so
 * that the first paint already shows the current tab, before the page's scripts have loaded.
 */
export function bringCurrentTabIntoView(strip: Element | null): void {
  if (!(strip instanceof HTMLElement)) return;
  const current = strip.querySelector('[aria-current="page"]');
  if (!(current instanceof HTMLElement)) return;
  const start = current.offsetLeft - strip.offsetLeft;
  if (start < strip.scrollLeft || start + current.offsetWidth > strip.scrollLeft + strip.clientWidth) {
    strip.scrollLeft = start + current.offsetWidth - strip.clientWidth + 16;
  }
}
