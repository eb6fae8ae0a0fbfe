import { primaryButton } from './button-styles';

type TMessagePageProps = {
  title: string;
  body: string;
  /** The merchant whose portal this was, when known: their name above, the way back below. */
  merchant?: { name: string; brandColor: string; brandTextColor: string; nonce?: string; back: { href: string; label: string } };
};

// A page that only says something: not found, session ended.
export function MessagePage({ title, body, merchant }: TMessagePageProps) {
  return (
    <main className="mx-auto max-w-lg px-4 py-20">
      {merchant && (
        <>
          <style nonce={merchant.nonce}>{`:root{--brand:${merchant.brandColor};--brand-text:${merchant.brandTextColor}}`}</style>
          <p className="mb-6 font-semibold text-zinc-700 dark:text-zinc-300">{merchant.name}</p>
        </>
      )}
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-4 text-zinc-700 dark:text-zinc-300">{body}</p>
      {merchant && (
        <a className={`${primaryButton} mt-8`} href={merchant.back.href}>
          {merchant.back.label}
        </a>
      )}
    </main>
  );
}
