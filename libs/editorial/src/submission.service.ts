import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { Clock, PermanentJobError } from '@newsdesk/common';
import { SYSTEM } from '@newsdesk/identity';
import type { JobOf, JobName } from '@newsdesk/messaging';
import { Article } from './article.entity';
import { assertTransition } from './article-state-machine';
import { recordAudit } from './audit';
import { runPublishChecks } from './publish-checks';

/** Runs the publish checks on a submitted story (the `ArticleSubmission` job). */
@Injectable()
export class SubmissionService {
  private readonly logger = new Logger(SubmissionService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
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
      const failures = runPublishChecks({
        kicker: article.kicker,
        headline: article.headline,
        teaser: article.teaser,
        body: article.body,
        hasSection: Boolean(article.section),
        heroImage: article.heroImage
          ? { status: article.heroImage.status, alt: article.heroImage.alt }
          : null,
      });
      const transition = failures.length ? 'failChecks' : 'passChecks';
      const from = article.status;
      article.status = assertTransition(
        { status: from, authorId: article.author.id },
        transition,
        SYSTEM,
      );
      article.failedChecks = failures.length ? failures : null;
      await em.flush();
      recordAudit(em, {
        article,
        actor: SYSTEM,
        action: transition,
        from,
        to: article.status,
        at: this.clock.now(),
        details: failures.length ? { failedChecks: failures } : {},
      });
    });
  }
}
