import { createHash } from 'node:crypto';
import { ulid } from 'ulid';
import { ID_PREFIXES, type TIdKind } from '../../lib/ids/new-id';

// Demo accounts get the same ids in every database, so that re-seeding finds them again and
// documentation can name them. The ULID's time is fixed; its random part comes from the label.
export function fixedId(kind: TIdKind, label: string): string {
  const digest = createHash('sha256').update(label).digest();
  let i = 0;
  const prng = () => digest[i++ % digest.length]! / 256;
  return `${ID_PREFIXES[kind]}_${ulid(Date.UTC(2024, 0, 15), prng)}`;
}
