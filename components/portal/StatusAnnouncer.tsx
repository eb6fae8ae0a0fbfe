'use client';

import { usePathname } from 'next/navigation';
import { useEffect } from 'react';
import { announce, takePendingAnnouncement, useAnnouncement } from '@/lib/portal-client/announce';

// The page's status line (a polite live region that is always there, so screen readers hear what
// changed); it stays through the refresh that follows a change and clears on another page, where
// it says what a change that led there did.
export function StatusAnnouncer() {
  const message = useAnnouncement();
  const pathname = usePathname();
  useEffect(() => {
    const arriving = takePendingAnnouncement();
    if (arriving) announce(arriving);
    return () => announce('');
  }, [pathname]);
  return (
    <p role="status" className={message ? 'mb-6 rounded-lg border border-emerald-700/30 bg-emerald-50 px-4 py-3 text-emerald-900 dark:border-emerald-400/30 dark:bg-emerald-950 dark:text-emerald-100' : ''}>
      {message}
    </p>
  );
}
