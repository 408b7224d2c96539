import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { FORMAT_MIME } from '@newsdesk/config';
import type {
  PublicArticle,
  PublicBodyBlock,
  PublicImage,
  TeaserItem,
} from '@newsdesk/publication';
import { germanDate, germanDateTime } from './german-dates';
import { SITE_CSS } from './site-style';

/** A teaser of the box under the story, with the address of its own page. */
export interface MoreItem {
  teaser: TeaserItem;
  href: string;
}

/** Everything the story page shows. */
export interface StoryPageModel {
  story: PublicArticle;
  canonicalUrl: string;
  /** `application/ld+json`, already safe inside `<script>` (see `jsonForScript`). */
  jsonLd: string;
  /** The section's newest other stories. */
  more: MoreItem[];
  publisherName: string;
  timeZone: string;
  /** Set for a preview link: a banner, and no indexing. */
  preview?: { revision: number; expiresAt: string };
}

/** Hero pictures fill the column (44rem) and the screen below it. */
const HERO_SIZES = '(min-width: 44rem) 42rem, 100vw';
const THUMB_SIZES = '6.5rem';
/** Formats offered as `<source>`, best first; the `<img>` carries the JPEGs. */
const SOURCE_FORMATS = ['avif', 'webp'] as const;

function Picture({ image, sizes, lazy }: { image: PublicImage; sizes: string; lazy?: boolean }) {
  return (
    <picture>
      {SOURCE_FORMATS.map((format) =>
        image.srcset[format] ? (
          <source
            key={format}
            type={FORMAT_MIME[format]}
            srcSet={image.srcset[format]}
            sizes={sizes}
          />
        ) : null,
      )}
      <img
        src={image.src}
        srcSet={image.srcset.jpeg}
        sizes={sizes}
        width={image.width ?? undefined}
        height={image.height ?? undefined}
        alt={image.alt}
        loading={lazy ? 'lazy' : undefined}
        decoding="async"
      />
    </picture>
  );
}

/** A picture with its caption and credit line. */
function Figure({
  image,
  caption,
  sizes,
  lazy,
}: {
  image: PublicImage;
  caption: string;
  sizes: string;
  lazy?: boolean;
}) {
  return (
    <figure>
      <Picture image={image} sizes={sizes} lazy={lazy} />
      {(caption || image.credit) && (
        <figcaption>
          {caption}
          {image.credit && <span className="credit">{image.credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}

const WEB_LINK = /^https?:\/\//i;

function Block({ block }: { block: PublicBodyBlock }) {
  switch (block.type) {
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'heading':
      return block.level === 2 ? <h2>{block.text}</h2> : <h3>{block.text}</h3>;
    case 'quote':
      return (
        <figure>
          <blockquote>
            <p>{block.text}</p>
          </blockquote>
          {block.attribution && <figcaption>— {block.attribution}</figcaption>}
        </figure>
      );
    case 'image':
      // A picture that is not ready (or gone) is left out rather than shown broken.
      return block.image ? (
        <Figure
          image={block.image}
          caption={block.caption ?? block.image.caption}
          sizes={HERO_SIZES}
          lazy
        />
      ) : null;
    case 'embed':
      return (
        <p>
          {WEB_LINK.test(block.url) ? (
            <a href={block.url} rel="noopener noreferrer">
              {block.caption ?? block.url}
            </a>
          ) : (
            (block.caption ?? null)
          )}
        </p>
      );
  }
}

function Document({
  title,
  description,
  canonicalUrl,
  noindex,
  jsonLd,
  banner,
  publisherName,
  children,
}: {
  title: string;
  description?: string;
  canonicalUrl?: string;
  noindex?: boolean;
  jsonLd?: string;
  banner?: ReactNode;
  publisherName: string;
  children: ReactNode;
}) {
  return (
    <html lang="de">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {description && <meta name="description" content={description} />}
        {noindex && <meta name="robots" content="noindex" />}
        {canonicalUrl && <link rel="canonical" href={canonicalUrl} />}
        <style dangerouslySetInnerHTML={{ __html: SITE_CSS }} />
        {jsonLd && (
          <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
        )}
      </head>
      <body>
        {banner}
        <header className="site">
          <p className="brand">{publisherName}</p>
        </header>
        <main>{children}</main>
        <footer className="site">© {publisherName}</footer>
      </body>
    </html>
  );
}

function MoreBox({
  section,
  items,
  timeZone,
}: {
  section: string;
  items: MoreItem[];
  timeZone: string;
}) {
  return (
    <aside className="more" aria-labelledby="more-heading">
      <h2 id="more-heading">Weitere Meldungen und Beiträge aus dem Bereich: {section}</h2>
      <ul>
        {items.map(({ teaser, href }) => (
          <li key={teaser.id}>
            {teaser.image && <Picture image={teaser.image} sizes={THUMB_SIZES} lazy />}
            <div>
              <time className="date" dateTime={teaser.publishedAt}>
                {germanDate(teaser.publishedAt, timeZone)}
              </time>
              {teaser.kicker && <p className="kicker">{teaser.kicker}</p>}
              <h3>{teaser.headline}</h3>
              {teaser.teaser && <p>{teaser.teaser}</p>}
              <a href={href} aria-label={`mehr… zu: ${teaser.headline}`}>
                mehr…
              </a>
            </div>
          </li>
        ))}
      </ul>
    </aside>
  );
}

function StoryPage({ model }: { model: StoryPageModel }) {
  const { story, timeZone, preview } = model;
  return (
    <Document
      title={`${story.headline} – ${model.publisherName}`}
      description={story.teaser}
      canonicalUrl={model.canonicalUrl}
      noindex={Boolean(preview)}
      jsonLd={model.jsonLd}
      publisherName={model.publisherName}
      banner={
        preview && (
          <p className="preview" role="status">
            Vorschau (Revision {preview.revision}) – nicht veröffentlicht; der Link gilt bis{' '}
            {germanDateTime(preview.expiresAt, timeZone)}.
          </p>
        )
      }
    >
      <article>
        <p className="section-name">{story.section.name}</p>
        {story.kicker && <p className="kicker">{story.kicker}</p>}
        <h1>{story.headline}</h1>
        <p className="meta">
          <time dateTime={story.firstPublishedAt}>
            {germanDateTime(story.firstPublishedAt, timeZone)}
          </time>
          {story.author && <> · von {story.author}</>}
        </p>
        {story.teaser && <p className="lead">{story.teaser}</p>}
        {story.image && (
          <Figure image={story.image} caption={story.image.caption} sizes={HERO_SIZES} />
        )}
        {story.body.map((block, i) => (
          <Block key={i} block={block} />
        ))}
        {story.corrections.length > 0 && (
          <section className="corrections" aria-labelledby="corrections-heading">
            <h2 id="corrections-heading">Korrekturen</h2>
            {story.corrections.map((c) => (
              <p key={c.at}>
                <time dateTime={c.at}>{germanDateTime(c.at, timeZone)}</time>: {c.note}
              </p>
            ))}
          </section>
        )}
      </article>
      {model.more.length > 0 && (
        <MoreBox section={story.section.name} items={model.more} timeZone={timeZone} />
      )}
    </Document>
  );
}

const html = (page: ReactNode) => `<!DOCTYPE html>${renderToStaticMarkup(page)}`;

/** The story page (or a preview of it) as a whole HTML document; every text escaped by React. */
export const renderStoryPage = (model: StoryPageModel): string => html(<StoryPage model={model} />);

/** A page for readers who reached no story: what went wrong, in German, never indexed. */
export const renderErrorPage = (
  error: { title: string; message: string },
  publisherName: string,
): string =>
  html(
    <Document title={`${error.title} – ${publisherName}`} noindex publisherName={publisherName}>
      <h1>{error.title}</h1>
      <p>{error.message}</p>
    </Document>,
  );
