import { describe, expect, it } from 'vitest';
import { linkPreviewAgent } from './link-preview-agents';

describe('linkPreviewAgent', () => {
  it.each([
    ['Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)', 'Slack'],
    ['Slack-ImgProxy (+https://api.slack.com/robots)', 'Slack'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/51.0.2704.79 Safari/537.36 MicrosoftPreview/2.0 +https://aka.ms/MicrosoftPreview', 'Microsoft Teams'],
    ['Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)', 'Discord'],
    ['WhatsApp/2.23.20.0 A', 'WhatsApp'],
    ['TelegramBot (like TwitterBot)', 'Telegram'],
    ['Twitterbot/1.0', 'X/Twitter'],
    ['facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)', 'Facebook'],
    ['LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)', 'LinkedIn'],
    ['Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5', 'Microsoft Teams'],
    ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'Google'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)', 'Apple'],
  ])('knows %s', (userAgent, name) => {
    expect(linkPreviewAgent(userAgent)).toBe(name);
  });

  it.each([
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
    '',
  ])('lets a browser through: %s', (userAgent) => {
    expect(linkPreviewAgent(userAgent)).toBeUndefined();
  });

  it('treats a missing User-Agent as a browser', () => {
    expect(linkPreviewAgent(null)).toBeUndefined();
  });
});
