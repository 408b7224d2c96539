import type { Section } from '@newsdesk/editorial';
import { ApiClient } from './support/http';
import { driveToPublished, writeDraft, type Desk } from './support/drive';
import { makeSection, makeUser, PASSWORD } from './support/factories';
import { Newsdesk } from './support/newsdesk';

/** A made-up word (consonants only, so the stemmer leaves it alone) that only this test's stories carry. */
function marker(): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  return `zq${Array.from({ length: 10 }, () => letters[Math.floor(Math.random() * letters.length)]).join('')}`;
}

const TEASER = 'Ein Teaser, der lang genug für die Prüfung ist und sonst nichts sagt.';

describe('full-text search (editors and public)', () => {
  let newsdesk: Newsdesk;
  let anonymous: ApiClient;
  let editor: ApiClient;
  let reviewer: ApiClient;
  let section: Section;
  let desk: Desk;

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    anonymous = new ApiClient(newsdesk.url);
    section = await makeSection(newsdesk.orm, 'Suche');
    editor = await anonymous.login((await makeUser(newsdesk.orm, ['editor'])).email, PASSWORD);
    reviewer = await anonymous.login((await makeUser(newsdesk.orm, ['reviewer'])).email, PASSWORD);
    desk = { newsdesk, editor, reviewers: [reviewer], section: section.slug };
  });

  afterAll(async () => {
    await newsdesk?.stop();
  });

  /** The editors' search, limited to this test's section. */
  async function editorSearch(q: string, extra = '') {
    const reply = await editor.get(
      `/api/articles?section=${section.slug}&q=${encodeURIComponent(q)}${extra}`,
    );
    expect(reply.status).toBe(200);
    return reply.body as {
      items: { id: string; status: string; headline: string; snippet: string }[];
      total: number;
    };
  }

  async function publicSearch(q: string, extra = '') {
    const reply = await anonymous.get(`/public/search?q=${encodeURIComponent(q)}${extra}`);
    expect(reply.status).toBe(200);
    return reply.body as {
      items: { slug: string; headline: string; publishedAt: string; snippet: string }[];
      next: string | null;
    };
  }

  it('finds inflected forms and other spellings of a word (German stemming, umlauts, ß)', async () => {
    const story = await writeDraft(desk, {
      headline: 'Sensoren melden den Füllstand der Straßenmülleimer',
      teaser: TEASER,
      body: [
        {
          type: 'paragraph',
          text: 'In der Straße stehen jetzt 40 neue Abfallbehältern mit Sensoren.',
        },
      ],
    });
    for (const q of [
      'Abfallbehälter',
      'abfallbehälter',
      'ABFALLBEHÄLTER',
      'Abfallbehaelter',
      'Strasse',
    ]) {
      const found = await editorSearch(q);
      expect({ q, ids: found.items.map((i) => i.id) }).toEqual({ q, ids: [story.id] });
      expect(found.total).toBe(1);
    }
    const [hit] = (await editorSearch('Abfallbehaelter')).items;
    expect(hit.snippet).toContain('<mark>Abfallbehältern</mark>');
    expect((await editorSearch('Strasse')).items[0].snippet).toContain('<mark>Straße</mark>');
    expect((await editorSearch('Kühlschrank')).items).toEqual([]);
  });

  it('ranks a headline hit above a body-only hit', async () => {
    const word = marker();
    const inBody = await writeDraft(desk, {
      headline: `Neues aus dem Rathaus ${word}`,
      teaser: TEASER,
      body: [{ type: 'paragraph', text: 'Der Rat beschloss den Ausbau der Glasfaser im Kreis.' }],
    });
    const inHeadline = await writeDraft(desk, {
      headline: `Glasfaser kommt in jedes Dorf ${word}`,
      teaser: TEASER,
      body: [{ type: 'paragraph', text: 'Der Rat beschloss den Ausbau im Kreis.' }],
    });
    const found = await editorSearch(`Glasfaser ${word}`);
    expect(found.items.map((i) => i.id)).toEqual([inHeadline.id, inBody.id]);
    expect(found.total).toBe(2);
  });

  it('lets editors find stories in every state, the public only published ones', async () => {
    const word = marker();
    const draft = await writeDraft(desk, {
      headline: `Entwurf über Radwege ${word}`,
      teaser: TEASER,
      body: [{ type: 'paragraph', text: `Noch nicht fertig: ${word} Radwege.` }],
    });
    const published = await driveToPublished(desk, {
      headline: `Neue Radwege für die Innenstadt ${word}`,
      teaser: TEASER,
      body: [{ type: 'paragraph', text: `Die Stadt baut ${word} Radwege aus.` }],
    });

    const editors = await editorSearch(`Radweg ${word}`);
    expect(editors.items.map((i) => [i.id, i.status]).sort()).toEqual(
      [
        [draft.id, 'draft'],
        [published.id, 'published'],
      ].sort(),
    );
    // The editors' filters still apply.
    const drafts = await editorSearch(`Radweg ${word}`, '&status=draft');
    expect(drafts.items.map((i) => i.id)).toEqual([draft.id]);

    const reply = await publicSearch(`Radwege ${word}`);
    expect(reply.items.map((i) => i.slug)).toEqual([published.slug]);
    expect(reply.items[0]).toMatchObject({
      slug: published.slug,
      url: `/${section.slug}/${published.slug}`,
      headline: `Neue Radwege für die Innenstadt ${word}`,
      teaser: TEASER,
      format: 'news',
      image: null,
    });
    expect(reply.items[0].snippet).toContain('<mark>Radwege</mark>');
    expect(reply.next).toBeNull();
  });

  it('returns snippets whose only markup is <mark>', async () => {
    const word = marker();
    await writeDraft(desk, {
      headline: `Sicherheitslücke im Formular ${word}`,
      teaser: TEASER,
      body: [
        {
          type: 'paragraph',
          text: `Wer <script>alert("x")</script> & <b>Schadcode</b> eintippte, sah ${word} im Browser 'Fehler'.`,
        },
      ],
    });
    const [hit] = (await editorSearch(`Schadcode ${word}`)).items;
    expect(hit.snippet).toContain(
      'script&gt; &amp; &lt;b&gt;<mark>Schadcode</mark>&lt;/b&gt; eintippte',
    );
    expect(hit.snippet).toContain(`<mark>${word}</mark>`);
    expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    // `<script>` in the text is the word "script": found and marked, never inside an entity.
    const [again] = (await editorSearch(`script ${word}`)).items;
    expect(again.snippet).toContain('<mark>script</mark>&gt;alert(&quot;x&quot;)');
    expect(again.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('answers hostile queries with 200, never 500', async () => {
    const hostile = [
      '"unbalanced',
      'a & | ! b',
      "'); drop table articles; --",
      '<script>',
      '((( ))) !!! :* <-> & |',
      'foo:* | !bar & (baz',
      '\\ \\\\ \\" %_ ?? ? $1',
      '- or "" "or"',
      '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🚮 ﷽',
      'der die das',
      // More than 32 exclusions in a row overflow websearch_to_tsquery's stack.
      '-'.repeat(36),
      `Glasfaser ${'- '.repeat(40)}Ausbau`,
      `${'-"'.repeat(40)}x`,
    ];
    for (const q of hostile) {
      const editors = await editor.get(`/api/articles?q=${encodeURIComponent(q)}`);
      expect({ q, status: editors.status }).toEqual({ q, status: 200 });
      const pub = await anonymous.get(`/public/search?q=${encodeURIComponent(q)}`);
      expect({ q, status: pub.status }).toEqual({ q, status: 200 });
      expect(Array.isArray(pub.body.items)).toBe(true);
    }
    // PostgreSQL cannot store or compare a NUL: refused at the edge, naming the parameter.
    for (const path of ['/api/articles', '/public/search']) {
      const nul = await editor.get(`${path}?q=${encodeURIComponent('Abfall\u0000behälter')}`);
      expect({ path, status: nul.status, problems: nul.body.details.problems }).toEqual({
        path,
        status: 400,
        problems: [{ field: 'q', reason: expect.stringMatching(/NUL/) }],
      });
    }
    // Still there.
    expect((await editorSearch('Abfallbehälter')).total).toBeGreaterThanOrEqual(1);
  });

  it('refuses an empty, missing, repeated or overlong q and an absurd limit or cursor', async () => {
    const problemsOf = (body: { details: { problems: { field: string }[] } }) =>
      body.details.problems.map((p) => p.field);
    for (const path of [
      '/public/search',
      '/public/search?q=',
      '/public/search?q=%20%20%09',
      `/public/search?q=${'a'.repeat(201)}`,
      '/public/search?q=a&q=b',
      '/public/search?q=%00',
    ]) {
      const reply = await anonymous.get(path);
      expect({ path, status: reply.status }).toEqual({ path, status: 400 });
      expect(problemsOf(reply.body)).toEqual(['q']);
    }
    for (const path of [
      '/api/articles?q=',
      '/api/articles?q=%20',
      `/api/articles?q=${'a'.repeat(201)}`,
    ]) {
      const reply = await editor.get(path);
      expect({ path, status: reply.status }).toEqual({ path, status: 400 });
      expect(problemsOf(reply.body)).toEqual(['q']);
    }
    expect((await anonymous.get(`/public/search?q=${'a'.repeat(200)}`)).status).toBe(200);

    for (const limit of ['0', '51', '-1', 'abc', '1.5', '1e3', '99999999999999999999', '']) {
      const reply = await anonymous.get(`/public/search?q=Abfall&limit=${limit}`);
      expect({ limit, status: reply.status }).toEqual({ limit, status: 400 });
      expect(problemsOf(reply.body)).toEqual(['limit']);
    }
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const cursor of [
      'abc',
      '!!!',
      'x'.repeat(500),
      b64({}),
      b64(['1', '2', '3']),
      b64(['0.1', '2026-02-30T10:00:00.000000Z', '6f1c2b8e-3a4d-4c5e-9f60-7a8b9c0d1e2f']),
      b64(['0.1; drop', '2026-02-03T10:00:00.000000Z', '6f1c2b8e-3a4d-4c5e-9f60-7a8b9c0d1e2f']),
      b64(['0.1', '2026-02-03T10:00:00.000000Z', "' or 1=1 --"]),
    ]) {
      const reply = await anonymous.get(`/public/search?q=Abfall&cursor=${cursor}`);
      expect({ cursor, status: reply.status }).toEqual({ cursor, status: 400 });
      expect(problemsOf(reply.body)).toEqual(['cursor']);
    }
    // Every problem at once.
    const all = await anonymous.get('/public/search?q=&limit=0&cursor=abc');
    expect(all.status).toBe(400);
    expect(problemsOf(all.body).sort()).toEqual(['cursor', 'limit', 'q']);
  });

  it('pages through the results with an opaque cursor, newest first among equals', async () => {
    const word = marker();
    const stories = [];
    for (let i = 0; i < 3; i++) {
      stories.push(
        await driveToPublished(desk, {
          teaser: `Der Wochenmarkt ${word} öffnet wieder, mit mehr Ständen als je zuvor.`,
          body: [{ type: 'paragraph', text: 'Nichts weiter.' }],
        }),
      );
    }
    const first = await publicSearch(`Wochenmarkt ${word}`, '&limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.next).toEqual(expect.any(String));
    const second = await publicSearch(
      `Wochenmarkt ${word}`,
      `&limit=2&cursor=${encodeURIComponent(first.next!)}`,
    );
    expect(second.items).toHaveLength(1);
    expect(second.next).toBeNull();

    const slugs = [...first.items, ...second.items].map((i) => i.slug);
    // Equally relevant: the newest publication first, each story once.
    expect(slugs).toEqual(stories.map((s) => s.slug).reverse());
    const times = [...first.items, ...second.items].map((i) => i.publishedAt);
    expect([...times].sort().reverse()).toEqual(times);

    const all = await publicSearch(`Wochenmarkt ${word}`, '&limit=50');
    expect(all.items.map((i) => i.slug)).toEqual(slugs);
    expect(all.next).toBeNull();
  });
});
