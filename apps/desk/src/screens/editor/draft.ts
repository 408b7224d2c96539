/**
 * The text being written: the form's state (the user's input, not server
 * state), how it comes from a story and goes into a save, and its copy in
 * `sessionStorage`, so that a reload, a conflict or a lost lock never loses
 * what was typed.
 */
import type {
  BodyBlock,
  BodyBlockType,
  Story,
  StoryFormat,
  StoryUpdateBody,
} from '../../api/types';

/** A body block with a key that stays with it when blocks move (React's list key). */
export type BlockDraft = BodyBlock & { key: string };

export interface Draft {
  kicker: string;
  headline: string;
  teaser: string;
  body: BlockDraft[];
  /** The section's slug. */
  section: string;
  format: StoryFormat;
  series: string;
  /** Comma-separated, as typed. */
  tags: string;
  heroImageId: string | null;
  /** `YYYY-MM-DDTHH:mm` on the newsroom's clock, or empty for none. */
  embargo: string;
}

let keys = 0;
export const blockKey = () => `b${Date.now().toString(36)}${(keys++).toString(36)}`;

export function emptyBlock(type: BodyBlockType): BlockDraft {
  const key = blockKey();
  switch (type) {
    case 'paragraph':
      return { key, type, text: '' };
    case 'heading':
      return { key, type, text: '', level: 2 };
    case 'quote':
      return { key, type, text: '', attribution: '' };
    case 'image':
      return { key, type, imageId: '', caption: '' };
    case 'embed':
      return { key, type, url: '', caption: '' };
  }
}

export function emptyDraft(section: string): Draft {
  return {
    kicker: '',
    headline: '',
    teaser: '',
    body: [emptyBlock('paragraph')],
    section,
    format: 'news',
    series: '',
    tags: '',
    heroImageId: null,
    embargo: '',
  };
}

export function draftOf(story: Story): Draft {
  return {
    kicker: story.kicker,
    headline: story.headline,
    teaser: story.teaser,
    body: story.body.map((block) => ({ ...block, key: blockKey() })),
    section: story.section.slug,
    format: story.format,
    series: story.series ?? '',
    tags: story.tags.join(', '),
    heroImageId: story.heroImageId,
    // `2026-12-01T08:00:00+01:00`: the newsroom's wall clock is its first 16 characters.
    embargo: story.embargoUntil ? story.embargoUntil.local.slice(0, 16) : '',
  };
}

/** The fields of a save; the embargo as the UTC instant of the newsroom's wall time. */
export function bodyOf(draft: Draft, timeZone: string): Required<StoryUpdateBody> {
  return {
    kicker: draft.kicker,
    headline: draft.headline,
    teaser: draft.teaser,
    body: draft.body.map(({ key: _key, ...block }) => block),
    section: draft.section,
    format: draft.format,
    series: draft.series.trim() || null,
    tags: draft.tags
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
    heroImageId: draft.heroImageId,
    embargoUntil: draft.embargo ? zonedToUtc(draft.embargo, timeZone) : null,
  };
}

/** The zone's offset from UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/** `2026-12-01T08:00` on the clocks of `timeZone` → `2026-12-01T07:00:00.000Z`. */
export function zonedToUtc(local: string, timeZone: string): string {
  const [date = '', time = ''] = local.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
  // Twice: the offset at the guessed instant may differ across a daylight saving change.
  let utc = wall - offsetAt(wall, timeZone);
  utc = wall - offsetAt(utc, timeZone);
  return new Date(utc).toISOString();
}

/** What `sessionStorage` keeps of a story being written: the text and the version it was written against. */
export interface Stored {
  draft: Draft;
  version: number | null;
}

const storageKey = (id: string | undefined) => `newsdesk.editor.${id ?? 'new'}`;

export function loadStored(id: string | undefined): Stored | null {
  try {
    const raw = sessionStorage.getItem(storageKey(id));
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch {
    return null;
  }
}

export function store(id: string | undefined, stored: Stored): void {
  try {
    sessionStorage.setItem(storageKey(id), JSON.stringify(stored));
  } catch {
    // Storage full or forbidden: the text is still in memory.
  }
}

export function forget(id: string | undefined): void {
  try {
    sessionStorage.removeItem(storageKey(id));
  } catch {
    // Nothing to do.
  }
}
