// What an API key may do. A key holds a list of these; a route names the one it needs.
export const API_SCOPES = [
  'plugipay:portal:create',
  'plugipay:settings:read',
  'plugipay:settings:write',
  'plugipay:webhooks:write',
  'plugipay:events:read',
  'plugipay:billing:read',
  'plugipay:billing:write',
] as const;

export type TApiScope = (typeof API_SCOPES)[number];
