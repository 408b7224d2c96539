import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { PermanentJobError } from '@newsdesk/common';
import { SYSTEM } from '@newsdesk/identity';
import { EventName, type JobOf, type JobName } from '@newsdesk/messaging';
import { Article } from './article.entity';
import { checkStory } from './publish-checks';
import { StoryStore } from './story-store';

/** Runs the publish checks on a submitted story (the `ArticleSubmission` job). */
@Injectable()
export class SubmissionService {
  private readonly logger = new Logger(SubmissionService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly store: StoryStore,
  ) {}

  /** Idempotent: a story no longer `submitted` was handled already and is left alone. */
  async handleSubmission({ articleId }: JobOf<JobName.ArticleSubmission>): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      const article = await em.getRepository(Article).findForUpdate(articleId);
      if (!article) throw new PermanentJobError(`story ${articleId} does not exist`);
      if (article.status !== 'submitted') {
        this.logger.log(`story ${articleId} is ${article.status}; submission already handled`);
        return;
      }
      const failures = checkStory(article);
      await this.store.apply(em, article, failures.length ? 'failChecks' : 'passChecks', SYSTEM, {
        before: (_em, a) => {
          a.failedChecks = failures.length ? failures : null;
        },
        // Before the story's own `story.changed`: the checks ran, then it moved.
        after: (em, a) =>
          this.store.announce(em, EventName.StoryChecked, a, SYSTEM, {
            passed: failures.length === 0,
            failedFields: [...new Set(failures.map((f) => f.field))],
          }),
        details: failures.length ? { failedChecks: failures } : {},
      });
    });
  }
}
