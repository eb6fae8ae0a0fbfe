// npm run api-keys -- create|revoke|list …: the key commands of `npm run admin -- keys …`, kept under
// their first name for the scripts that use it.
import { runAdmin } from './admin-commands';

await runAdmin(['keys', ...process.argv.slice(2)]);
