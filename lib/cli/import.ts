// npm run import -- --account acc_… FILE.ndjson [--json] | --schema: brings a merchant's customers,
// products, prices, tax rates, subscriptions and past invoices (with their payments) in from an
// NDJSON file (docs/import.md), one record a line, through the API's own functions. Re-runnable: a
// record whose import id is already there is skipped. On the embedded database, stop the server
// first (PGlite has one writer).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { isId } from '../ids/new-id';
import { importRecord, ZImportRecord, type TImportOutcome, type TImportRecord } from '../import/import-records';
import { importInvoices, type TImportedInvoice } from '../import/import-invoice';
import { runDbTask } from './run-db-task';

const { values, positionals } = parseArgs({ options: { account: { type: 'string' }, json: { type: 'boolean' }, schema: { type: 'boolean' }, help: { type: 'boolean' } }, allowPositionals: true });
const USAGE = 'usage: npm run import -- --account acc_… FILE.ndjson [--json]\n       npm run import -- --schema   (prints the JSON Schema of a line)';

if (values.schema) {
  console.log(JSON.stringify(z.toJSONSchema(ZImportRecord, { io: 'input', unrepresentable: 'any' }), null, 2));
  process.exit(0);
}
if (values.help || !values.account || positionals.length !== 1) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}

const INVOICE_BATCH = 200;

type TFailure = { line: number; object?: string; id?: string; reason: string };

/** A line read as a record, or why it is not one, in the words of the field at fault. */
function readLine(text: string): { record: TImportRecord } | { reason: string; object?: string; id?: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { reason: 'not a JSON object' };
  }
  const parsed = ZImportRecord.safeParse(json);
  if (parsed.success) return { record: parsed.data };
  const raw = json as { object?: unknown; id?: unknown };
  const known = { object: typeof raw?.object === 'string' ? raw.object : undefined, id: typeof raw?.id === 'string' ? raw.id : undefined };
  if (known.object === 'payment') return { ...known, reason: 'a payment is imported inside the record of the invoice it paid (its payments list; docs/import.md)' };
  const issue = parsed.error.issues[0]!;
  return { ...known, reason: `${issue.path.join('.') || 'object'}: ${issue.message}` };
}

await runDbTask(async (db) => {
  const accountId = values.account!;
  if (!isId('account', accountId) || !(await db.prisma.account.findUnique({ where: { id: accountId }, select: { id: true } }))) throw new Error(`No such account: ${accountId}`);
  const counts = { created: 0, skipped: 0, failed: 0 };
  const failures: TFailure[] = [];
  const progress = process.stderr.isTTY && !values.json;
  const started = performance.now();
  const tally = (line: number, outcome: TImportOutcome, record: { object?: string; id?: string }) => {
    counts[outcome.outcome]++;
    if (outcome.outcome === 'failed') failures.push({ line, object: record.object, id: record.id, reason: outcome.reason });
  };
  // Invoices in a row go in together: a customer's history in a few statements instead of a few per invoice.
  const invoices: { line: number; record: TImportedInvoice }[] = [];
  const flushInvoices = async () => {
    const outcomes = invoices.length ? await importInvoices(accountId, invoices.map((i) => i.record)) : [];
    outcomes.forEach((outcome, n) => tally(invoices[n]!.line, outcome, invoices[n]!.record));
    invoices.length = 0;
  };
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(positionals[0]!), crlfDelay: Infinity })) {
    line++;
    if (!text.trim()) continue;
    const read = readLine(text);
    if (!('record' in read)) tally(line, { outcome: 'failed', reason: read.reason }, read);
    else {
      const { record } = read;
      if (record.object === 'invoice') invoices.push({ line, record });
      if (record.object !== 'invoice' || invoices.length >= INVOICE_BATCH) await flushInvoices();
      if (record.object !== 'invoice') tally(line, await importRecord(accountId, record), record);
    }
    if (progress && line % 100 === 0) process.stderr.write(`\r${line} lines: ${counts.created} created, ${counts.skipped} skipped, ${counts.failed} failed`);
  }
  await flushInvoices();
  failures.sort((a, b) => a.line - b.line);
  if (progress) process.stderr.write('\r\x1b[K');
  const seconds = (performance.now() - started) / 1000;
  if (values.json) console.log(JSON.stringify({ ...counts, failures, recordsPerSecond: Math.round((line / Math.max(seconds, 0.001)) * 10) / 10 }));
  else {
    console.log(`${counts.created} created, ${counts.skipped} skipped, ${counts.failed} failed (${line} lines in ${seconds.toFixed(1)} s)`);
    for (const f of failures) console.log(`  line ${f.line}${f.object ? ` (${f.object}${f.id ? ` ${f.id}` : ''})` : ''}: ${f.reason}`);
  }
  // Exit 1: a script learns that some lines need fixing (and a rerun skips the others).
  if (counts.failed > 0) throw new Error(`${counts.failed} of the records failed; nothing was written for them. Fix those lines and run it again.`);
});
