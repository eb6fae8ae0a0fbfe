import Link from 'next/link';
import type { ComponentProps } from 'react';

/**
 * The portal's links: Next's Link, navigating on the client, without prefetching. Every portal
 * page is rendered per request for one customer, so each prefetch is a request to the server: a
 * page of 20 receipts asked for some 26 as soon as it was shown (its tabs, and each row's receipt
 * and invoice, twice), about fifteen times the server time of the page itself. A customer follows
 * one or two of them; each page answers in a few milliseconds when they do.
 */
export function PortalLink(props: ComponentProps<typeof Link>) {
  return <Link prefetch={false} {...props} />;
}
