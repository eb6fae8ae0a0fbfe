'use client';

import { useRouter } from 'next/navigation';

/** After a change the server components render again with the new state; a finished flow leaves for returnUrl. */
export function useAfterChange() {
  const router = useRouter();
  return (result: { redirectTo?: string }) => {
    if (result.redirectTo) window.location.assign(result.redirectTo);
    else router.refresh();
  };
}
