import 'server-only';
import { createTranslator } from 'next-intl';
import type { TBranding } from '../branding/get-branding';
import type { TLocale } from '../i18n/locales';
import { loadMessages } from '../i18n/load-messages';
import { localeDirection } from '../i18n/locale-direction';

export type TLinkPageKind = 'preview' | 'used' | 'expired' | 'invalid';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type TPageInput = {
  kind: TLinkPageKind;
  locale: TLocale;
  nonce: string;
  branding?: TBranding;
  /** Where "Return to …" goes: the origin of the session's returnUrl, never a path the link chose. */
  returnOrigin?: string;
};

const translatorOf = async (locale: TLocale) => createTranslator({ locale, messages: await loadMessages(locale), namespace: 'LinkPage' });
const translators = new Map<TLocale, ReturnType<typeof translatorOf>>();

// One per locale for the life of the process: a translator keeps the messages it has parsed, and
// a refused link (a forged one among them) should cost no more than it must.
function linkPageTranslator(locale: TLocale): ReturnType<typeof translatorOf> {
  let translator = translators.get(locale);
  if (!translator) translators.set(locale, (translator = translatorOf(locale)));
  return translator;
}

/**
 * The small pages a portal link answers with when it does not open the portal. Plain HTML with no
 * script: they render before (or instead of) any login, and say nothing about the customer.
 */
export async function renderLinkStatusPage({ kind, locale, nonce, branding, returnOrigin }: TPageInput): Promise<string> {
  const t = await linkPageTranslator(locale);
  const merchant = branding?.displayName || undefined;
  const title = t(`${kind}Title`);
  const body =
    kind === 'preview' ? (merchant ? t('previewBody', { merchant }) : t('previewBodyNoMerchant'))
    : kind === 'used' && merchant ? t('usedBody', { merchant })
    : kind === 'used' ? t('expiredBody')
    : t(`${kind}Body`);
  const brand = branding?.brandColor ?? '#18181b';
  const brandText = branding?.brandTextColor ?? '#ffffff';
  const action =
    kind !== 'preview' && returnOrigin
      ? `<a class="action" href="${escapeHtml(returnOrigin)}">${escapeHtml(merchant ? t('returnTo', { merchant }) : t('returnToSite'))}</a>`
      : '';
  return `<!DOCTYPE html>
<html lang="${locale}" dir="${localeDirection(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(merchant ? `${title} · ${merchant}` : title)}</title>
<style nonce="${nonce}">
:root { color-scheme: light dark; --brand: ${brand}; --brand-text: ${brandText}; }
body { margin: 0; font: 16px/1.5 ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif; background: #fafafa; color: #18181b; }
main { max-width: 32rem; margin: 12vh auto; padding: 2rem 1.5rem; background: #fff; border: 1px solid #e4e4e7; border-radius: 0.75rem; }
.merchant { margin: 0 0 1.5rem; font-weight: 600; color: #3f3f46; }
h1 { margin: 0 0 0.75rem; font-size: 1.5rem; line-height: 1.25; }
p { margin: 0 0 1.5rem; color: #3f3f46; }
.action { display: inline-block; padding: 0.625rem 1rem; border-radius: 0.5rem; background: var(--brand); color: var(--brand-text); text-decoration: none; font-weight: 600; }
.action:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
footer { margin-top: 2rem; font-size: 0.875rem; color: #52525b; }
@media (prefers-color-scheme: dark) {
  body { background: #09090b; color: #f4f4f5; }
  main { background: #18181b; border-color: #3f3f46; }
  .merchant, p { color: #d4d4d8; }
  footer { color: #a1a1aa; }
}
</style>
</head>
<body>
<main>
${merchant ? `<p class="merchant">${escapeHtml(merchant)}</p>` : ''}<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(body)}</p>
${action}
<footer>${escapeHtml(t('poweredBy'))}</footer>
</main>
</body>
</html>`;
}
