import { refusedMethods } from '@/lib/api/refused-methods';
import { buildOpenApiDocument } from '@/lib/api/openapi/build-openapi-document';

export const dynamic = 'force-dynamic';

let document: string | undefined;

// GET /api/v1/openapi.json: the API's description, public like any API reference; built once.
export function GET(): Response {
  document ??= JSON.stringify(buildOpenApiDocument());
  return new Response(document, { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300' } });
}

export const { POST, PUT, PATCH, DELETE } = refusedMethods('GET');
