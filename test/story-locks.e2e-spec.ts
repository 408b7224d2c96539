import type { EntityManager } from '@mikro-orm/postgresql';
import { Article, type Section } from '@newsdesk/editorial';
import { ApiClient } from './support/http';
import { writeDraft, type Desk } from './support/drive';
import { makeSection, makeUser, PASSWORD } from './support/factories';
import { Newsdesk } from './support/newsdesk';

/**
 * What a job's lock on its story covers (`ArticleRepository.findForUpdate`, and
 * `lockForRelease` for the publication job, in one statement of plain SQL):
 * the story's own row, exclusively; its section's row only shared. Jobs on two
 * stories of one section run side by side; a section rename waits for them,
 * and a job that waits for a rename builds its public version with the new name.
 */
describe('the lock a job takes on its story', () => {
  let newsdesk: Newsdesk;
  let section: Section;
  let desk: Desk;
  const open: EntityManager[] = [];

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    const anonymous = new ApiClient(newsdesk.url);
    section = await makeSection(newsdesk.orm, 'Mobilität');
    const editor = await anonymous.login(
      (await makeUser(newsdesk.orm, ['editor'])).email,
      PASSWORD,
    );
    desk = { newsdesk, editor, reviewers: [], section: section.slug };
  });

  afterEach(async () => {
    for (const em of open.splice(0)) await em.rollback().catch(() => undefined);
  });

  afterAll(async () => {
    await newsdesk?.stop();
  });

  /** A transaction of its own that gives up on any lock after `lockTimeout`, rolled back after the test. */
  async function transaction(lockTimeout = '2s'): Promise<EntityManager> {
    const em = newsdesk.orm.em.fork();
    await em.begin();
    open.push(em);
    await em.execute(`set local lock_timeout = '${lockTimeout}'`);
    return em;
  }

  /** The story locked as a job locks it; what the tests read of it. */
  type Lock = (
    em: EntityManager,
    id: string,
  ) => Promise<{ section: { id: string; name: string } } | null>;
  const LOCKS: [string, Lock][] = [
    [
      'findForUpdate (submission and take-down jobs)',
      (em, id) => em.getRepository(Article).findForUpdate(id),
    ],
    [
      'lockForRelease (the publication job)',
      async (em, id) => (await em.getRepository(Article).lockForRelease([id]))[0] ?? null,
    ],
  ];

  describe.each(LOCKS)('%s', (_, lockStory) => {
    it('jobs on two stories of the same section hold their locks at once; the same story waits', async () => {
      const [first, second] = [await writeDraft(desk), await writeDraft(desk)];
      const one = await transaction();
      const other = await transaction();

      expect((await lockStory(one, first.id))?.section.id).toBe(section.id);
      // Before, the section's row was locked for update with the story: this waited for `one`.
      expect((await lockStory(other, second.id))?.section.id).toBe(section.id);

      const same = await transaction('300ms');
      await expect(lockStory(same, first.id)).rejects.toThrow(/lock timeout/);
    });

    it('a rename waits for a job’s lock; a job that waits for a rename reads the new name', async () => {
      const story = await writeDraft(desk);
      const rename = (em: EntityManager, name: string) =>
        em.execute('update sections set name = ? where id = ?', [name, section.id]);

      const job = await transaction();
      expect((await lockStory(job, story.id))?.section.name).toBe(section.name);
      const renaming = await transaction('300ms');
      await expect(rename(renaming, 'Verkehr')).rejects.toThrow(/lock timeout/);
      await job.rollback();
      await renaming.rollback();

      const renamer = await transaction();
      const renamed = `${section.name} und Verkehr`;
      await rename(renamer, renamed);
      const waiting = await transaction();
      let locked: { section: { name: string } } | null | undefined;
      const locking = lockStory(waiting, story.id).then((article) => (locked = article));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(locked).toBeUndefined();
      await renamer.commit();
      await locking;
      expect(locked?.section.name).toBe(renamed);
      section.name = renamed;
    });
  });

  it('lockForRelease reads the stories that exist, in the order of their ids, as the entity has them', async () => {
    const drafts = [await writeDraft(desk), await writeDraft(desk)];
    const em = await transaction();
    const missing = '00000000-0000-4000-8000-000000000000';
    const rows = await em
      .getRepository(Article)
      .lockForRelease([drafts[1].id, missing, drafts[0].id]);
    expect(rows.map((r) => r.id)).toEqual(drafts.map((d) => d.id).sort());
    const entity = await newsdesk.orm.em
      .fork()
      .getRepository(Article)
      .findWithRelations(drafts[0].id);
    const row = rows.find((r) => r.id === drafts[0].id)!;
    expect(row).toEqual({
      id: entity!.id,
      slug: entity!.slug,
      kicker: entity!.kicker,
      headline: entity!.headline,
      teaser: entity!.teaser,
      body: entity!.body,
      format: entity!.format,
      series: entity!.series,
      tags: entity!.tags,
      status: entity!.status,
      updateStatus: entity!.updateStatus,
      version: entity!.version,
      revision: entity!.revision,
      publishAt: entity!.publishAt,
      unpublishAt: entity!.unpublishAt,
      embargoUntil: entity!.embargoUntil,
      firstPublishedAt: entity!.firstPublishedAt,
      publishedAt: entity!.publishedAt,
      updatedAt: entity!.updatedAt,
      homePinned: entity!.homePinned,
      homePriority: entity!.homePriority,
      corrections: entity!.corrections,
      section: { id: section.id, slug: section.slug, name: section.name },
      author: { id: entity!.author.id, name: entity!.author.name },
      heroImage: entity!.heroImage ? { id: entity!.heroImage.id } : null,
      assignee: entity!.assignee ? { id: entity!.assignee.id } : null,
    });
  });
});
