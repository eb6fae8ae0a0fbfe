'use client';

import { useEffect, useRef } from 'react';

// Whether this document has shown a portal page already: only later pages move the focus.
let shownBefore = false;

/**
 * The page's h1. After moving to another section within the portal, focus goes here, so that a
 * screen reader announces the new page and Tab continues from its top (not from <body>). The first
 * page of a visit leaves the focus where the browser puts it.
 */
export function PageHeading({ children }: { children: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (shownBefore) heading.current?.focus();
    shownBefore = true;
  }, []);
  return (
    <h1 ref={heading} tabIndex={-1} className="mb-6 text-2xl font-semibold tracking-tight focus:outline-none">
      {children}
    </h1>
  );
}
