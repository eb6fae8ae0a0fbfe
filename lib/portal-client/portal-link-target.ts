/** Marks the anchors that PortalLinkNavigation follows on the client (components/portal/PortalLink.tsx). */
export const PORTAL_LINK_ATTRIBUTE = 'data-portal-link';

/**
 * Where a click on one of the portal's links goes, as a path for the router; null when the click
 * is the browser's to handle: already handled, another button, a modifier (new tab or window,
 * download), a link to another origin or meant for another frame or a download.
 */
export function portalLinkTarget(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = event.target instanceof Element ? event.target.closest(`a[${PORTAL_LINK_ATTRIBUTE}]`) : null;
  if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute('download')) return null;
  if (anchor.target && anchor.target !== '_self') return null;
  const url = new URL(anchor.href);
  if (url.origin !== window.location.origin) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
