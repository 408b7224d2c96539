import type { PublicArticle, PublicImage } from '@newsdesk/publication';
import { jsonForScript, newsArticleJsonLd } from './json-ld';
import { renderStoryPage } from './story-page';

const image = (id: string): PublicImage => ({
  id,
  alt: 'Ein Sensor am Deckel',
  caption: 'Die Sensoren melden den Füllstand.',
  credit: 'Foto: Stadt & Land <dpa>',
  width: 1920,
  height: 1080,
  blurhash: null,
  dominantColor: null,
  src: `https://cdn.test/${id}/hero-1920.jpg`,
  srcset: {
    avif: `https://cdn.test/${id}/hero-768.avif 768w, https://cdn.test/${id}/hero-1920.avif 1920w`,
    webp: `https://cdn.test/${id}/hero-768.webp 768w`,
    jpeg: `https://cdn.test/${id}/hero-768.jpg 768w, https://cdn.test/${id}/hero-1920.jpg 1920w`,
  },
});

const story = (overrides: Partial<PublicArticle> = {}): PublicArticle => ({
  id: '0b6c0000-0000-4000-8000-000000000001',
  slug: 'arnsberg-smarte-abfallbehaelter',
  url: '/smart-city/arnsberg-smarte-abfallbehaelter',
  kicker: 'Arnsberg',
  headline: 'Smarte Abfallbehälter',
  teaser: 'Sensoren sparen Fahrten.',
  format: 'news',
  publishedAt: '2026-12-01T09:00:00.000Z',
  firstPublishedAt: '2026-11-30T23:30:00.000Z',
  image: image('hero'),
  section: { slug: 'smart-city', name: 'Smart City' },
  series: null,
  tags: [],
  author: 'Eva Beispiel',
  corrections: [],
  body: [],
  ...overrides,
});

const context = {
  canonicalUrl: 'https://www.newsdesk.test/site/smart-city/arnsberg-smarte-abfallbehaelter',
  publisherName: 'Newsdesk',
  timeZone: 'Europe/Berlin',
};

describe('story page rendering', () => {
  it('keeps JSON-LD inside its script element whatever the text says', () => {
    const text = 'a </script><script>alert(1)</script> & <!-- \u2028';
    const json = jsonForScript({ headline: text });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ headline: text });
  });

  it('dates the story on the newsroom’s clock, modified at its newest correction', () => {
    const ld = newsArticleJsonLd(
      story({ corrections: [{ at: '2026-12-02T10:00:00.000Z', note: 'Zahl berichtigt' }] }),
      context,
    );
    // 23:30 UTC on 30 November is 00:30 on 1 December in Berlin.
    expect(ld.datePublished).toBe('2026-12-01T00:30:00+01:00');
    expect(ld.dateModified).toBe('2026-12-02T11:00:00+01:00');
    expect(ld.correction).toEqual([
      {
        '@type': 'CorrectionComment',
        text: 'Zahl berichtigt',
        datePublished: '2026-12-02T11:00:00+01:00',
      },
    ]);
  });

  it('renders the hero as <picture> with AVIF and WebP sources and a JPEG <img>', () => {
    const html = renderStoryPage({
      story: story(),
      canonicalUrl: context.canonicalUrl,
      jsonLd: '{}',
      more: [],
      publisherName: 'Newsdesk',
      timeZone: 'Europe/Berlin',
    });
    expect(html.startsWith('<!DOCTYPE html><html lang="de">')).toBe(true);
    expect(html).toContain(
      '<source type="image/avif" srcSet="https://cdn.test/hero/hero-768.avif 768w',
    );
    expect(html).toContain('<source type="image/webp"');
    expect(html).toMatch(
      /<img src="https:\/\/cdn.test\/hero\/hero-1920.jpg" srcSet="[^"]+" sizes="[^"]+" width="1920" height="1080" alt="Ein Sensor am Deckel"/,
    );
    expect(html).toContain('Foto: Stadt &amp; Land &lt;dpa&gt;');
    expect(html).toContain('1. Dezember 2026 um 00:30 Uhr');
    // React adds nothing of its own: no preload hints, no scripts.
    expect(html).not.toContain('rel="preload"');
    expect(html).not.toContain('<script>');
  });
});
