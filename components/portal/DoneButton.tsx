import { getTranslations } from 'next-intl/server';

// A plain form: "Done" works without JavaScript, and a POST (not a link) ends the login.
export async function DoneButton({ label }: { label?: string } = {}) {
  const t = await getTranslations('Portal');
  return (
    <form method="post" action="/portal/done">
      <button
        type="submit"
        className="min-h-11 rounded-lg bg-[var(--brand)] px-4 py-2 font-semibold text-[var(--brand-text)] focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
      >
        {label ?? t('done')}
      </button>
    </form>
  );
}
