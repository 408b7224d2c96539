import type { EntityManager } from '@mikro-orm/postgresql';
import { Article, type Section } from '@newsdesk/editorial';
import { ApiClient } from './support/http';
import { writeDraft, type Desk } from './support/drive';
import { makeSection, makeUser, PASSWORD } from './support/factories';
import { Newsdesk } from './support/newsdesk';

/**
 * What a job's lock on its story covers (`ArticleRepository.findForUpdate`):
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

  const lockStory = (em: EntityManager, id: string) => em.getRepository(Article).findForUpdate(id);

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
    expect((await lockStory(job, story.id))?.section.name).toBe('Mobilität');
    const renaming = await transaction('300ms');
    await expect(rename(renaming, 'Verkehr')).rejects.toThrow(/lock timeout/);
    await job.rollback();
    await renaming.rollback();

    const renamer = await transaction();
    await rename(renamer, 'Verkehr und Mobilität');
    const waiting = await transaction();
    let locked: Article | null | undefined;
    const locking = lockStory(waiting, story.id).then((article) => (locked = article));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(locked).toBeUndefined();
    await renamer.commit();
    await locking;
    expect(locked?.section.name).toBe('Verkehr und Mobilität');
  });
});
