import { unknownRoute } from '@/lib/api/refused-methods';

export const dynamic = 'force-dynamic';

// Any other path under /api: 404 in the API's error model, not a page
export const { GET, POST, PUT, PATCH, DELETE } = unknownRoute();
