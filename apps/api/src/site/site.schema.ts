import { z } from 'zod';
import { responseShape } from '../contract/schema';

/** The story page, as HTML. */
export const SiteStoryPageSchema = responseShape(
  'SiteStoryPage',
  z.string().meta({
    description:
      'An HTML document (UTF-8, German): kicker, headline, date, lead, hero `<picture>` with caption and credit, ' +
      'body, corrections, the box of the section’s newest other stories, a canonical link and ' +
      'schema.org `NewsArticle` JSON-LD',
  }),
);

/** What a reader's browser gets instead of the JSON error. */
export const SiteErrorPageSchema = responseShape(
  'SiteErrorPage',
  z.string().meta({
    description: 'An HTML document (German) saying what went wrong; never indexed',
  }),
);
