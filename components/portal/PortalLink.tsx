import type { ComponentProps } from 'react';
import { PORTAL_LINK_ATTRIBUTE } from '@/lib/portal-client/portal-link-target';

/**
 * The portal's links: plain anchors, followed on the client by the one listener of
 * PortalLinkNavigation, and by the browser before the scripts have loaded or when asked for a new
 * tab. Next's Link is a client component for each link, rendered twice on the server (its payload,
 * then its HTML): on a page of 20 receipts its 45 links took 1.3 ms of a 10 ms page. None is
 * prefetched: every portal page is rendered per request for one customer, and a customer follows
 * one or two of its links (docs/decisions.md, "Portal links").
 */
export function PortalLink({ href, ...props }: ComponentProps<'a'> & { href: string }) {
  return <a {...{ [PORTAL_LINK_ATTRIBUTE]: '' }} href={href} {...props} />;
}
