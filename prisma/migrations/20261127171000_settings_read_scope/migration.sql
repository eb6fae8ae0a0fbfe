-- Reading settings now needs plugipay:settings:read. Keys that could change them keep reading them.
UPDATE "ApiKey" SET "scopes" = array_append("scopes", 'plugipay:settings:read')
WHERE 'plugipay:settings:write' = ANY("scopes") AND NOT ('plugipay:settings:read' = ANY("scopes"));
