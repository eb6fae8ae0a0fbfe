'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { portalLinkTarget } from '@/lib/portal-client/portal-link-target';

/**
 * Follows the portal's links (PortalLink) in place, through the router, as Next's Link would: one
 * listener for the whole portal instead of a client component for every link.
 */
export function PortalLinkNavigation() {
  const router = useRouter();
  useEffect(() => {
    const follow = (event: MouseEvent) => {
      const path = portalLinkTarget(event);
      if (path === null) return;
      event.preventDefault();
      router.push(path);
    };
    document.addEventListener('click', follow);
    return () => document.removeEventListener('click', follow);
  }, [router]);
  return null;
}
