// npm run admin -- <command> [options] (--help lists the commands): accounts and API keys for a
// self-hosted install, without the demo seed.
import { runAdmin } from './admin-commands';

await runAdmin(process.argv.slice(2));
