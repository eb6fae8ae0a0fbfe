// npm run sdk:types: writes lib/sdk/src/api-types.ts from the OpenAPI document. A test fails when the
// committed file is behind the schemas.
import { writeFileSync } from 'node:fs';
import { generateApiTypes } from '../sdk/codegen/generate-api-types';

writeFileSync('lib/sdk/src/api-types.ts', await generateApiTypes());
console.log('wrote lib/sdk/src/api-types.ts');
