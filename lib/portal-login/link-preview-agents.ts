// Chat tools fetch a pasted link to draw its preview; a support agent pasting a portal link would
// otherwise burn it before the customer clicks. These user agents get a preview page instead, and
// the link stays unused. Matched case-insensitively anywhere in the User-Agent.
export const LINK_PREVIEW_AGENTS: { name: string; pattern: RegExp }[] = [
  { name: 'Slack', pattern: /Slackbot|Slack-ImgProxy|Slackbot-LinkExpanding/i },
  { name: 'Microsoft Teams', pattern: /MicrosoftPreview|Teams\/|SkypeUriPreview/i },
  { name: 'Discord', pattern: /Discordbot/i },
  { name: 'WhatsApp', pattern: /WhatsApp/i },
  { name: 'Telegram', pattern: /TelegramBot/i },
  { name: 'X/Twitter', pattern: /Twitterbot/i },
  { name: 'Facebook', pattern: /facebookexternalhit|Facebot|meta-externalagent/i },
  { name: 'LinkedIn', pattern: /LinkedInBot/i },
  { name: 'Skype', pattern: /SkypeUriPreview/i },
  { name: 'Google', pattern: /Googlebot|Google-PageRenderer|GoogleOther|Google-InspectionTool|Google-Safety|FeedFetcher-Google/i },
  { name: 'Apple', pattern: /Applebot|iMessageLinkPreview/i },
];

/** The previewer's name when the User-Agent is a known link-preview fetcher. */
export function linkPreviewAgent(userAgent: string | null): string | undefined {
  if (!userAgent) return undefined;
  return LINK_PREVIEW_AGENTS.find(({ pattern }) => pattern.test(userAgent))?.name;
}
