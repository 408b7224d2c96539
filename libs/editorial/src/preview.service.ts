import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import {
  Clock,
  Expired,
  NotFound,
  SIGNED_TOKEN,
  TokenSigner,
  Unauthenticated,
} from '@newsdesk/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { PublicationService, type PublicArticle } from '@newsdesk/publication';
import type { Article } from './article.entity';
import type { ArticleStatus } from './article-status';
import { AuditEntry } from './audit-entry.entity';
import { storyRefOf } from './public-version';
import { Revision } from './revision.entity';
import { Section } from './section.entity';
import { StoryStore } from './story-store';

interface PreviewClaims {
  a: string; // article id
  r: number; // revision
  exp: number; // seconds since epoch
  // Issued at, in milliseconds since epoch: a retraction in the same second as a new link must
  // not close it. Links from before it was added have none.
  at?: number;
}

/** A whole token and nothing else: base64url claims, a dot, and the 43 characters of an HMAC-SHA256. */
export const PREVIEW_TOKEN = SIGNED_TOKEN;
/** States that retract a story; the preview links issued before it are closed for good. */
const RETRACTED: readonly ArticleStatus[] = ['unpublished', 'killed'];

/**
 * Signed, expiring preview links: anyone holding one sees that revision as it
 * would be published, without logging in. The token is HMAC-SHA256 over its
 * claims with a key derived from JWT_SECRET; any change to it (appending
 * included) breaks it. A retraction (unpublish, kill) closes every link issued
 * before it, even when the story is later reopened.
 */
@Injectable()
export class PreviewService {
  private readonly tokens: TokenSigner<PreviewClaims>;

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly store: StoryStore,
    private readonly publication: PublicationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.tokens = new TokenSigner(config.jwt.secret, 'newsdesk-preview');
  }

  async createLink(
    articleId: string,
    revision?: number,
  ): Promise<{ url: string; token: string; revision: number; expiresAt: string }> {
    const em = this.em.fork();
    const article = await this.store.load(em, articleId);
    const number = revision ?? article.revision;
    if (!(await em.count(Revision, { articleId, number })))
      throw new NotFound('revision', `${articleId}/${number}`);
    const at = this.clock.now().getTime();
    const exp = Math.floor(at / 1000) + this.config.previewLinkHours * 3600;
    const token = this.tokens.sign({ a: articleId, r: number, exp, at });
    return {
      token,
      revision: number,
      url: `${this.config.publicBaseUrl}/site/preview/${token}`,
      expiresAt: new Date(exp * 1000).toISOString(),
    };
  }

  async open(
    token: string,
  ): Promise<PublicArticle & { preview: { revision: number; expiresAt: string } }> {
    const claims = this.verify(token);
    const em = this.em.fork();
    const article = await this.store.load(em, claims.a);
    await this.assertNotRetracted(em, article, claims);
    const revision = await em.findOne(Revision, { articleId: claims.a, number: claims.r });
    if (!revision) throw new NotFound('revision', `${claims.a}/${claims.r}`);
    const section =
      (await em.findOne(Section, { id: revision.content.sectionId })) ?? article.section;
    const now = this.clock.now();
    const preview = await this.publication.preview(em, {
      ...storyRefOf(article),
      section: { id: section.id, slug: section.slug, name: section.name },
      content: { version: article.version, ...revision.content, authorName: article.author.name },
      firstPublishedAt: article.firstPublishedAt ?? now,
      publishedAt: article.publishedAt ?? now,
      homePinned: article.homePinned,
      homePriority: article.homePriority,
      corrections: article.corrections,
    });
    return {
      ...preview,
      preview: { revision: claims.r, expiresAt: new Date(claims.exp * 1000).toISOString() },
    };
  }

  /** 410 when the story is retracted now, or was retracted after the link was issued. */
  private async assertNotRetracted(
    em: EntityManager,
    article: Article,
    claims: PreviewClaims,
  ): Promise<void> {
    const closed = new Expired('the story was retracted; its preview links are closed', {
      reason: 'retracted',
    });
    if (RETRACTED.includes(article.status)) throw closed;
    const retraction = await em.findOne(
      AuditEntry,
      { articleId: article.id, toStatus: { $in: [...RETRACTED] } },
      { orderBy: { id: 'desc' }, fields: ['createdAt'] },
    );
    const issuedAt = claims.at ?? (claims.exp - this.config.previewLinkHours * 3600) * 1000;
    if (retraction && retraction.createdAt.getTime() >= issuedAt) throw closed;
  }

  private verify(token: string): PreviewClaims {
    const claims = this.tokens.open(token);
    if (!claims) throw new Unauthenticated('the preview link is not valid (altered or incomplete)');
    if (claims.exp * 1000 < this.clock.now().getTime())
      throw new Expired('the preview link has expired; ask for a new one');
    return claims;
  }
}
