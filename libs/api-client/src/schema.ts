// The Newsdesk API as TypeScript types, generated from its OpenAPI document
// (`/docs-json`) by openapi-typescript. Do not edit: run `npm run api:client`.

export interface paths {
  '/api/admin/api-tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the API tokens
     * @description Newest first, revoked ones included, each with its last use (never the secret).
     */
    get: operations['apiTokens_list'];
    put?: never;
    /**
     * Issue an API token
     * @description For an integration: a name, one role and an expiry. The answer’s `token` is the secret, shown this once (only its hash is stored); send it as `Authorization: Bearer`. The integration acts under its own name in authorship and the audit log.
     */
    post: operations['apiTokens_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/api-tokens/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke an API token
     * @description Its next request is a 401. Revoking a revoked token changes nothing.
     */
    delete: operations['apiTokens_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search the administration log
     * @description Who changed which user or section, and how; newest first, page by page.
     */
    get: operations['adminAudit_search'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/sections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a section
     * @description Without approval steps a story of it needs one review; without a profile the default profile applies. A taken slug is a 400 naming `slug`.
     */
    post: operations['adminSections_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/sections/{slug}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a section
     * @description Renames, describes or archives it, or sets its approval steps or content profile (fields left out keep their value). New steps and limits apply from the next approval or check on; a rename reaches the public pages and the CDN. The slug never changes.
     */
    patch: operations['adminSections_update'];
    trace?: never;
  };
  '/api/admin/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the users
     * @description People only, by name; the integrations behind API tokens are listed as tokens.
     */
    get: operations['adminUsers_list'];
    put?: never;
    /**
     * Invite a user
     * @description Creates the account and answers a one-time password, shown this once: the user must replace it at the first sign-in (`POST /api/auth/password`) before anything else. A taken email is a 400 naming `email`.
     */
    post: operations['adminUsers_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Show one user */
    get: operations['adminUsers_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a user’s name, roles or `active`
     * @description A change of roles and a deactivation end every session of the user at once. 409 when it would leave no active admin.
     */
    patch: operations['adminUsers_update'];
    trace?: never;
  };
  '/api/admin/users/{id}/reset-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reset a user’s password
     * @description Answers a new one-time password (shown this once) and ends every session of the user; the old password stops working.
     */
    post: operations['adminUsers_resetPassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/articles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List stories
     * @description Filtered by status, section, assignee and a full-text search; newest change first, a review queue (`assignee=me`) oldest first, a search by relevance with a highlighted snippet.
     */
    get: operations['articles_list'];
    put?: never;
    /**
     * Create a draft
     * @description Editors (and admins) create a draft in an active section; the caller is its author. The draft is revision 1; its slug follows the headline until it is first published.
     */
    post: operations['articles_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/articles/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a story
     * @description Its version is also the `ETag`.
     */
    get: operations['articles_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Save a story
     * @description Saves the fields given as a new revision; only its author (or an admin) in draft, `changes_requested` or `published` (then the working copy changes; the public version stays until a correction or an approved update). `If-Match` must name the current version: an older one is a 409 and nothing is written; someone else’s edit lock is a 423.
     */
    patch: operations['articles_update'];
    trace?: never;
  };
  '/api/articles/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve the next approval step
     * @description A reviewer with the step’s role approves the step the story waits for (its section names the steps); never the author, and nobody two steps of one story (403). The last step makes it `approved`; for a published story’s update, the last step publishes the update.
     */
    post: operations['articles_approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/articles/{id}/assign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Put a story into a reviewer’s queue
     * @description The author, a reviewer or an admin assigns the story to a reviewer (not its author), or takes it out with null.
     */
    post: operations['articles_assign'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/articles/{id}/comments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a story’s comment threads
     * @description Oldest first.
     */
    get: operations['articles_listComments'];
    put?: never;
    /**
     * Comment on a story
     * @description Starts a thread, optionally about one body block, or answers one (`parentId`); recorded in the history.
     */
    post: operations['articles_addComment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/articles/{id}/comments/{commentId}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resolve a comment thread
     * @description Idempotent: resolving a resolved thread changes nothing. Answers every thread.
     */
    post: operations['articles_resolveComment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/articles/{id}/corrections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Publish a minor correction
     * @description The working copy of a published story goes live at once with a public correction note; the publish checks still apply (400), and not while an update is in review (409).
     */
    post: operations['articles_correct'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/articles/{id}/delivery': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a story’s delivery receipt
     * @description For the story’s newest article event (publication, update, correction, retraction): when it went out, each listing rebuilt, each CDN purge sent and verified, each webhook subscriber’s state; `complete` once everything is done, otherwise `pending` says what and why. Live: `delivery.progressed` on `GET /api/stream`. 404 for a story never published.
     */
    get: operations['deliveryReceipt_receipt'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/articles/{id}/diff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Compare two revisions
     * @description The fields that changed, and the body block by block.
     */
    get: operations['articles_diff'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/articles/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a story’s history
     * @description Its audit rows, oldest first: transitions (refused ones too), saves, comments.
     */
    get: operations['articles_history'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/articles/{id}/kill': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Retract a story
     * @description Takes a published or unpublished story down at once, everywhere, with a reason (`killed`); only an admin can bring it back (reopen).
     */
    post: operations['articles_kill'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/articles/{id}/lock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who is editing a story
     * @description The live edit lock, or null when nobody holds one.
     */
    get: operations['articles_lock'];
    put?: never;
    /**
     * Take or renew the edit lock
     * @description Opening a story for editing takes the lease; calling again (the editor’s heartbeat) renews it. It ends by itself when not renewed. Only someone who may edit the story now may take it; while someone else holds it, a 423 names them.
     */
    post: operations['articles_acquireLock'];
    /**
     * Give the edit lock back
     * @description Only its holder can; for anyone else (or without a lock) nothing changes.
     */
    delete: operations['articles_releaseLock'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/articles/{id}/lock/takeover': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Take over the edit lock
     * @description A reviewer or an admin takes the lease from whoever holds it; the previous holder’s next save is refused (423, `taken_over`). Recorded in the history.
     */
    post: operations['articles_takeOverLock'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/articles/{id}/placement': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Place a story on the home page
     * @description Pinned stories lead the home page by priority, then the newest; a published story’s listing follows at once.
     */
    post: operations['articles_place'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/articles/{id}/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a preview link
     * @description A signed, expiring link that shows a revision (default: the newest) as it would be published, to anyone holding it; unpublishing or killing the story closes it.
     */
    post: operations['articles_preview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/articles/{id}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Publish or schedule an approved story
     * @description Schedules an approved story for now or for `at`, and optionally its unpublication at `until`; a scheduled story is rescheduled the same way. The publication job publishes it when due. An embargo is never broken (400).
     */
    post: operations['articles_publish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/articles/{id}/reopen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reopen a story as a draft
     * @description Brings an unpublished story back to `draft` (its author); a killed one only an admin.
     */
    post: operations['articles_reopen'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/articles/{id}/request-changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a story back with requested changes
     * @description A reviewer (not the author) sends a story in review back to its author with a comment; the approvals of the round are dropped. The comment is in the history.
     */
    post: operations['articles_requestChanges'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/articles/{id}/revisions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a story’s revisions
     * @description Oldest first, with what each changed.
     */
    get: operations['articles_listRevisions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/articles/{id}/revisions/{number}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read one revision of a story */
    get: operations['articles_revision'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/articles/{id}/revisions/{number}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Restore a revision
     * @description Makes an older revision’s content the story’s content again, as a new revision; like a save, it needs the current version as `If-Match` and may be refused by an edit lock.
     */
    post: operations['articles_restore'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/articles/{id}/schedule/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a scheduled publication
     * @description The story goes back to `approved`; its queued publication does nothing.
     */
    post: operations['articles_cancelSchedule'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/articles/{id}/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Submit a story for review
     * @description The author sends a draft (or a story with changes requested) to the publish checks, which run queued: it is `submitted`, then `in_review`, or back in `draft` with `failedChecks`. For a published story with pending changes the checks run at once (a 400 lists what fails) and the update goes into review while the public version stays live.
     */
    post: operations['articles_submit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/articles/{id}/unpublish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Take a published story down
     * @description Queues the unpublication: the publication job takes the story off the public site (`unpublished`). Preview links issued before are closed.
     */
    post: operations['articles_unpublish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/articles/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Publish or schedule many stories at once
     * @description Schedules up to 500 approved (or scheduled) stories for now or for `at`, all or none: when any of them cannot be, nothing is scheduled and the 409 names each such story and why (`details.refused`). One publication job publishes them together when due.
     */
    post: operations['articles_publishMany'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search the audit log
     * @description Admins only. Every transition of a story (and every refused one) and every access event (locked logins, ended sessions, API tokens), newest first, page by page.
     */
    get: operations['audit_search'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in
     * @description Answers a session token for API clients and sets the HttpOnly session cookie for browsers. Failed logins are throttled per account and per address (429 with `Retry-After`).
     */
    post: operations['auth_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out (this session) */
    post: operations['auth_logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout-everywhere': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out everywhere (every session of the user) */
    post: operations['auth_logoutEverywhere'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who am I: the signed-in user and the credential in use */
    get: operations['auth_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Change your password
     * @description The route for replacing a one-time password. Ends every session of the user and answers like a login, with a new session.
     */
    post: operations['auth_changePassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/images': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List images
     * @description Newest upload first, paged by `limit` and `offset`, with the number that match. `q` finds images whose caption, credit or alt text contain every word of it (case-insensitive); `status` keeps those processing, ready or failed. The photo desk and the hero picker.
     */
    get: operations['images_list'];
    put?: never;
    /**
     * Upload a picture
     * @description Streams the original to storage and queues its processing (renditions, placeholder, and caption, credit, byline and copyright from IPTC/XMP where the form leaves them empty). Idempotent by content: the same bytes again answer 200 with the existing image. The format is read from the bytes (415 for anything but JPEG, PNG, WebP, AVIF, HEIC, TIFF, GIF); 413 beyond the size limit. Photo desk and editors.
     */
    post: operations['images_upload'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/images/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An image
     * @description With its processing state (and why it failed), metadata and renditions.
     */
    get: operations['images_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Edit an image's alt text, caption, credit or focal point
     * @description Only the fields sent change. A new focal point re-renders the cropped presets (the image stays `ready` meanwhile); a text change refreshes the published stories showing the picture. Photo desk and editors.
     */
    patch: operations['images_update'];
    trace?: never;
  };
  '/api/images/uploads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start a direct upload
     * @description For a file that goes straight to S3, not through the API: announce its SHA-256, size and format, PUT it to the URL in the answer with the headers given, then complete the upload with the token (`POST /api/images/uploads/complete`). Both run out after 15 minutes. Bytes uploaded before answer 200 with their image, and nothing needs uploading. 413 beyond the size limit, 415 for a format not taken. Photo desk and editors.
     */
    post: operations['images_startDirect'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/images/uploads/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Complete a direct upload
     * @description Registers the file PUT to S3 and queues its processing, as `POST /api/images` does. The file must have the size and format announced (else it is deleted: 400, 415) and, when processed, the SHA-256 (else the image fails). 409 when nothing has arrived yet, 410 when the upload has run out, 403 for an upload someone else started. Completing again answers the same image.
     */
    post: operations['images_completeDirect'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/newsroom': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The newsroom’s settings every client shows the same way (its time zone) */
    get: operations['newsroom_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ops/images/rerender': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Re-render images made with other presets
     * @description Queues a re-render of every image whose renditions were made with presets other than the configured ones (failed images are left alone). Resumable: run it again to queue only what is left. Ops only.
     */
    post: operations['imagesOps_rerender'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ops/outbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Show the outbox backlog
     * @description Unsent rows, the age of the oldest in seconds, and the unsent rows that failed to send with their attempts and last error.
     */
    get: operations['outboxOps_status'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ops/queues': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the queues with their job counts
     * @description Every registry queue (job queues and the event queue of each consumer) with its job counts per state and whether it is paused.
     */
    get: operations['queuesOps_overview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ops/queues/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Show one queue with its job counts */
    get: operations['queuesOps_queue'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ops/queues/{name}/failed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the failed jobs of a queue
     * @description Newest first, each with the reason and stack of its last failure, its attempts and times (the same as `jobs?state=failed`).
     */
    get: operations['queuesOps_failed'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ops/queues/{name}/jobs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the jobs of a queue in one state
     * @description Newest first.
     */
    get: operations['queuesOps_jobs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ops/queues/{name}/jobs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Show one job with its current state */
    get: operations['queuesOps_job'];
    put?: never;
    post?: never;
    /**
     * Discard a job
     * @description Removes a job for good, whatever its state; 409 while a worker holds it.
     */
    delete: operations['queuesOps_discard'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ops/queues/{name}/jobs/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Retry a failed job
     * @description Moves a failed job back to waiting with a fresh set of attempts; 409 unless it failed.
     */
    post: operations['queuesOps_retry'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ops/queues/{name}/pause': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Pause a queue
     * @description Workers take no new job off the queue until it is resumed; jobs in progress finish. Pausing a paused queue changes nothing.
     */
    post: operations['queuesOps_pause'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ops/queues/{name}/resume': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resume a paused queue
     * @description Workers take jobs off the queue again. Resuming a running queue changes nothing.
     */
    post: operations['queuesOps_resume'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ops/queues/{name}/retry-failed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Retry every failed job of a queue
     * @description Moves every failed job back to waiting; answers how many there were.
     */
    post: operations['queuesOps_retryFailed'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/people': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The newsroom’s people
     * @description The active people (not integrations), by name, with their roles: those with `reviewer` or `admin` are whom `POST /api/articles/{id}/assign` takes (except the story’s author). Anyone signed in may ask; emails are not shown.
     */
    get: operations['people_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the sections
     * @description Every section with its approval steps and content profile (the limits a client counts against), by name.
     */
    get: operations['sections_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sections/{slug}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a section (admins)
     * @description The same as `PATCH /api/admin/sections/{slug}`, kept for existing clients: name, description, approval steps, content profile, archived. Written with its admin audit row.
     */
    patch: operations['sections_update'];
    trace?: never;
  };
  '/api/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The live stream of what changed (server-sent events)
     * @description Events: `story.changed`, `story.saved`, `story.assigned`, `story.checked`, `lock.taken`, `lock.released`, `comment.added`, `comment.resolved`, `image.processed`, `image.updated`, `delivery.progressed`; `data:` is JSON with `eventId`, `occurredAt` and the event's fields; `id:` is the resume point. A `reset` event means the stream no longer holds the resume point: refetch everything.
     */
    get: operations['stream_open'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the webhook subscriptions
     * @description Every subscription with its state: paused or not (and why), failures in a row, deliveries by status.
     */
    get: operations['webhooks_list'];
    put?: never;
    /**
     * Register a webhook subscription
     * @description Admins only. The answer carries the signing secret, shown this once. From now on every chosen event of a story is POSTed to the URL, signed, and retried with backoff; after too many failures in a row the subscription pauses.
     */
    post: operations['webhooks_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Show one webhook subscription */
    get: operations['webhooks_get'];
    put?: never;
    post?: never;
    /**
     * Delete a webhook subscription
     * @description Admins only. It receives nothing more (pending deliveries are cancelled); its deliveries stay in the database. A second DELETE is a 404.
     */
    delete: operations['webhooks_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the deliveries of a subscription
     * @description Newest first, each with every attempt (status code or error, latency, time).
     */
    get: operations['webhooks_deliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/{id}/resume': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resume a paused subscription
     * @description Un-pauses the subscription and starts its failure count afresh; new events reach it again. Deliveries that failed meanwhile are not resent: redeliver them one by one.
     */
    post: operations['webhooks_resume'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/deliveries/{deliveryId}/redeliver': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Redeliver one delivery
     * @description Queues a fresh attempt (with the usual retries) of a delivered, failed or cancelled delivery, with the same body and event id. 409 while it is still pending, or while its subscription is paused (resume it first).
     */
    post: operations['webhooks_redeliver'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Readiness probe (the short path)
     * @description The same as `GET /health/ready`.
     */
    get: operations['health_health'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Liveness probe
     * @description The process runs and serves HTTP; no dependency is checked.
     */
    get: operations['health_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Readiness probe
     * @description Checks PostgreSQL, Redis (answers, and `maxmemory-policy` is `noeviction`) and the S3 bucket. 503 with the same body when one is down: `error` names which, and why.
     */
    get: operations['health_ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/public/articles/{slug}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A published story
     * @description The public version of a story, its pictures resolved to renditions; 404 while it is not public.
     */
    get: operations['public_article'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/public/feed.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The newest stories as JSON Feed
     * @description The newest 50 stories across all sections, as JSON Feed 1.1.
     */
    get: operations['feeds_homeJson'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/public/feed.xml': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The newest stories as RSS
     * @description The newest 50 stories across all sections, as RSS 2.0 with Media RSS.
     */
    get: operations['feeds_homeRss'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/public/home': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The home page listing
     * @description Pinned stories by priority first, then the newest across all sections.
     */
    get: operations['public_home'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/public/preview/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A revision through its preview link
     * @description The revision as it would be published, for whoever holds a valid preview link — no sign-in. Never cached (`Cache-Control: private, no-store`). 401 for an altered or incomplete token; 410 when the link expired or the story was retracted (unpublished, killed) after it was issued.
     */
    get: operations['public_preview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/public/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search published stories
     * @description Full-text search (German stemming; `"phrases"`, `or` and `-word` as in web search engines) over published stories: most relevant first, the newest first among equally relevant ones. Each item is a teaser plus `snippet`. Not cached.
     */
    get: operations['public_search'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/public/sections/{slug}/feed.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A section's newest stories as JSON Feed
     * @description The newest 50 stories of a section, as JSON Feed 1.1; 404 for an unknown section.
     */
    get: operations['feeds_sectionJson'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/public/sections/{slug}/feed.xml': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A section's newest stories as RSS
     * @description The newest 50 stories of a section, as RSS 2.0 with Media RSS; 404 for an unknown section.
     */
    get: operations['feeds_sectionRss'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/public/sections/{slug}/teasers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A section's teaser listing
     * @description "More news from the section …": newest first, optionally without the story being shown. 404 for an unknown section; an empty section has no items.
     */
    get: operations['public_sectionTeasers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/public/series/{slug}/teasers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A series' teaser listing
     * @description The stories of a series, newest first; 404 when no published story is in it.
     */
    get: operations['public_series'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/public/sitemap-news.xml': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The Google News sitemap
     * @description The stories of the last 48 hours (at most 1000), newest first.
     */
    get: operations['feeds_newsSitemap'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/public/tags/{slug}/teasers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A tag's teaser listing
     * @description The stories with a tag, newest first; 404 when no published story has it.
     */
    get: operations['public_tag'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/site/{section}/{slug}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The story page
     * @description A published story as HTML (German), with the box of its section’s newest other stories. Cached like the JSON; `Surrogate-Key` names `site`, the story, its section, series, tags and pictures, and every story in the box. Asked for under another section than its own, it answers 301 to its canonical address. Failures are HTML pages for browsers and the error body for clients whose `Accept` prefers JSON.
     */
    get: operations['site_story'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/site/preview/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A revision through its preview link, as the story page
     * @description The story page as it would look published, with a "Vorschau" banner and `noindex`, for whoever holds a valid preview link. Never cached. 401 for an altered or incomplete token; 410 when the link expired or the story was retracted after it was issued.
     */
    get: operations['site_preview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @description One row of the append-only administration log. */
    AdminAuditEntry: {
      /** @example user.update */
      action: string;
      /** @description null for the system (the demo seed) */
      actorId: string | null;
      /** Format: date-time */
      createdAt: string;
      /**
       * @description what changed, field by field (never a password)
       * @example {
       *       "changes": {
       *         "roles": {
       *           "from": [
       *             "editor"
       *           ],
       *           "to": [
       *             "reviewer"
       *           ]
       *         }
       *       },
       *       "sessionsEnded": true
       *     }
       */
      details: {
        [key: string]: unknown;
      };
      /**
       * @description increases with every row
       * @example 815
       */
      id: string;
      /** @description the request that caused it (`X-Request-Id`) */
      requestId: string | null;
      /** Format: uuid */
      subjectId: string;
      /** @enum {string} */
      subjectKind: 'user' | 'section';
    };
    /** @description A page of the administration log, newest first. */
    AdminAuditPage: {
      /** @description newest first */
      items: components['schemas']['AdminAuditEntry'][];
      /**
       * @description send it as `before` for the next page; null on the last page
       * @example 4711
       */
      next: string | null;
    };
    AdminUser: {
      /** @description false: deactivated, no sign-in, every session ended */
      active: boolean;
      /** Format: date-time */
      createdAt: string;
      /** @example redaktion@newsdesk.test */
      email: string;
      /** Format: uuid */
      id: string;
      /** @description a one-time password must be replaced before anything else */
      mustChangePassword: boolean;
      /** @example Jana Schütte */
      name: string;
      roles: ('editor' | 'reviewer' | 'photo_desk' | 'ops' | 'admin')[];
    };
    AdminUserList: components['schemas']['AdminUser'][];
    /** @description An API token as admins see it (never its secret). */
    ApiToken: {
      /** Format: date-time */
      createdAt: string;
      /**
       * Format: uuid
       * @description the admin who issued it
       */
      createdBy: string;
      /** Format: date-time */
      expiresAt: string;
      /** Format: uuid */
      id: string;
      /** @description to the minute; null when never used */
      lastUsedAt: string | null;
      /** @example Agenturimport dpa */
      name: string;
      /**
       * @description the secret’s first characters, to recognise it
       * @example nd_Ab12Cd3
       */
      prefix: string;
      revokedAt: string | null;
      /** @enum {string} */
      role: 'editor' | 'reviewer' | 'photo_desk' | 'ops' | 'admin';
    };
    ApiTokenList: components['schemas']['ApiToken'][];
    /** @description One approval step done, by whom and when. */
    Approval: {
      /** Format: date-time */
      at: string;
      /** @example Ressortleitung */
      label: string;
      /**
       * @description the key of the approval step
       * @example section_lead
       */
      step: string;
      /** Format: uuid */
      userId: string;
      /** @example Jana Schütte */
      userName: string;
    };
    /** @description One approval step a story of the section passes, in order. */
    ApprovalStep: {
      /** @example section_lead */
      key: string;
      /** @example Ressortleitung */
      label: string;
      /**
       * @description who may take the step (any of them; admins always may)
       * @example [
       *       "reviewer"
       *     ]
       */
      roles: ('editor' | 'reviewer' | 'photo_desk' | 'ops' | 'admin')[];
    };
    AssignBody: {
      /** @description a reviewer (not the author); null takes the story out of every queue */
      assigneeId: string | null;
    };
    /** @description One row of the append-only audit log. */
    AuditEntry: {
      /**
       * @description the transition (`submit`, `approve`, `release` …), `create`, `edit`, `comment`, `assign` …; a refused transition is `refused:<name>`
       * @example approve
       */
      action: string;
      /** @description null when the system acted (jobs) */
      actorId: string | null;
      articleId: string | null;
      articleVersion: number | null;
      comment: string | null;
      /** Format: date-time */
      createdAt: string;
      details: {
        [key: string]: unknown;
      };
      fromStatus:
        | (
            | 'draft'
            | 'submitted'
            | 'in_review'
            | 'changes_requested'
            | 'approved'
            | 'scheduled'
            | 'published'
            | 'unpublished'
            | 'killed'
          )
        | null;
      /**
       * @description increasing with every row (a bigint, as text)
       * @example 4711
       */
      id: string;
      /** @description the `X-Request-Id` of the request */
      requestId: string | null;
      toStatus:
        | (
            | 'draft'
            | 'submitted'
            | 'in_review'
            | 'changes_requested'
            | 'approved'
            | 'scheduled'
            | 'published'
            | 'unpublished'
            | 'killed'
          )
        | null;
    };
    /** @description A page of the audit log, newest first. */
    AuditPage: {
      /** @description newest first */
      items: components['schemas']['AuditEntry'][];
      /**
       * @description send it as `before` for the next page; null on the last page
       * @example 4711
       */
      next: string | null;
    };
    /** @description One body block in the diff: the same, added, removed, or changed (a removal and an addition of the same type at one place). */
    BlockChange:
      | {
          block: components['schemas']['BodyBlock'];
          /** @constant */
          change: 'same';
          fromIndex: number;
          toIndex: number;
        }
      | {
          block: components['schemas']['BodyBlock'];
          /** @constant */
          change: 'added';
          toIndex: number;
        }
      | {
          block: components['schemas']['BodyBlock'];
          /** @constant */
          change: 'removed';
          fromIndex: number;
        }
      | {
          /** @constant */
          change: 'changed';
          from: components['schemas']['BodyBlock'];
          fromIndex: number;
          to: components['schemas']['BodyBlock'];
          toIndex: number;
        };
    /** @description One piece of a story body, told apart by `type`: paragraph `{text}`, heading `{text, level}`, quote `{text, attribution?}`, image `{imageId, caption?}`, embed `{url, caption?}`. */
    BodyBlock:
      | {
          text: string;
          /** @constant */
          type: 'paragraph';
        }
      | {
          /**
           * @default 2
           * @enum {number}
           */
          level: 2 | 3;
          text: string;
          /** @constant */
          type: 'heading';
        }
      | {
          attribution?: string;
          text: string;
          /** @constant */
          type: 'quote';
        }
      | {
          caption?: string;
          /** Format: uuid */
          imageId: string;
          /** @constant */
          type: 'image';
        }
      | {
          caption?: string;
          /** @constant */
          type: 'embed';
          url: string;
        };
    /**
     * @description One piece of a story body, told apart by `type`: paragraph `{text}`, heading `{text, level?}`, quote `{text, attribution?}`, image `{imageId, caption?}`, embed `{url, caption?}`. A section’s content profile may allow fewer types (checked on submission).
     * @example {
     *       "type": "paragraph",
     *       "text": "Die Länder wollen ihre Fachverfahren künftig gemeinsam entwickeln."
     *     }
     */
    BodyBlockInput:
      | {
          text: string;
          /** @constant */
          type: 'paragraph';
        }
      | {
          /**
           * @default 2
           * @enum {number}
           */
          level: 2 | 3;
          text: string;
          /** @constant */
          type: 'heading';
        }
      | {
          attribution?: string;
          text: string;
          /** @constant */
          type: 'quote';
        }
      | {
          caption?: string;
          /** Format: uuid */
          imageId: string;
          /** @constant */
          type: 'image';
        }
      | {
          caption?: string;
          /** @constant */
          type: 'embed';
          url: string;
        };
    /** @description Stories to publish or reschedule together, all at the same time (`at`, `until` as for one story). */
    BulkPublishBody: {
      at?: string | null;
      /** @description the stories, 1 to 500 */
      ids: string[];
      until?: string | null;
    };
    /** @description Every story scheduled, in the order asked, with its new version. */
    BulkPublishResult: {
      stories: {
        /** Format: uuid */
        id: string;
        /** @description when a scheduled story is due; UTC and the newsroom’s time */
        publishAt: {
          /**
           * Format: date-time
           * @description the same instant in the newsroom’s time zone, with its offset
           * @example 2026-12-01T08:00:00+01:00
           */
          local: string;
          /**
           * Format: date-time
           * @example 2026-12-01T07:00:00.000Z
           */
          utc: string;
        } | null;
        /** @enum {string} */
        status: 'scheduled';
        /** @description when a published story is to be taken down again; UTC and the newsroom’s time */
        unpublishAt: {
          /**
           * Format: date-time
           * @description the same instant in the newsroom’s time zone, with its offset
           * @example 2026-12-01T08:00:00+01:00
           */
          local: string;
          /**
           * Format: date-time
           * @example 2026-12-01T07:00:00.000Z
           */
          utc: string;
        } | null;
        /**
         * @description bumped by every change; send it as `If-Match` to save (the `ETag` header carries it too)
         * @example 7
         */
        version: number;
      }[];
    };
    ChangePasswordBody: {
      current: string;
      new: string;
    };
    CommentBody: {
      /** @description the body block the comment is about */
      blockIndex?: number | null;
      /** @description answer this thread (a thread, not a reply) */
      parentId?: string | null;
      /** @example Quelle für die Zahl der beteiligten Länder? */
      text: string;
    };
    /** @description An answer within a comment thread. */
    CommentReply: {
      author: components['schemas']['UserRef'];
      /** @description the body block (its index in `revision`) the comment is about */
      blockIndex: number | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      /** @description when and by whom the thread was resolved */
      resolved: {
        /** Format: date-time */
        at: string;
        /** Format: uuid */
        by: string;
      } | null;
      /** @description the revision commented on */
      revision: number;
      /** @example Quelle für die Zahl der beteiligten Länder? */
      text: string;
    };
    /** @description A review comment and its replies, oldest first. */
    CommentThread: {
      author: components['schemas']['UserRef'];
      /** @description the body block (its index in `revision`) the comment is about */
      blockIndex: number | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      replies: components['schemas']['CommentReply'][];
      /** @description when and by whom the thread was resolved */
      resolved: {
        /** Format: date-time */
        at: string;
        /** Format: uuid */
        by: string;
      } | null;
      /** @description the revision commented on */
      revision: number;
      /** @example Quelle für die Zahl der beteiligten Länder? */
      text: string;
    };
    /** @description Every comment thread of a story, oldest first. */
    CommentThreadList: components['schemas']['CommentThread'][];
    /**
     * @description What a story of the section must look like to pass the publish checks (lengths in characters), for live counts in a client.
     * @example {
     *       "kicker": {
     *         "min": 0,
     *         "max": 60
     *       },
     *       "headline": {
     *         "min": 10,
     *         "max": 120
     *       },
     *       "teaser": {
     *         "min": 40,
     *         "max": 400
     *       },
     *       "heroImage": {
     *         "required": false,
     *         "altRequired": true,
     *         "creditRequired": false
     *       },
     *       "bodyBlocks": [
     *         "paragraph",
     *         "heading",
     *         "quote",
     *         "image",
     *         "embed"
     *       ]
     *     }
     */
    ContentProfile: {
      /** @description the body block types a story may use */
      bodyBlocks: ('paragraph' | 'heading' | 'quote' | 'image' | 'embed')[];
      headline: {
        max: number;
        min: number;
      };
      heroImage: {
        /** @description the hero image needs alt text */
        altRequired: boolean;
        /** @description the hero image needs a credit line */
        creditRequired: boolean;
        /** @description no review without a hero image */
        required: boolean;
      };
      kicker: {
        max: number;
        min: number;
      };
      teaser: {
        max: number;
        min: number;
      };
    };
    CorrectionBody: {
      /**
       * @description shown publicly under the story
       * @example In einer früheren Fassung stand eine falsche Zahl der beteiligten Länder.
       */
      note: string;
    };
    /** @description A public note that the published story was corrected. */
    CorrectionNote: {
      /** Format: date-time */
      at: string;
      /** @example In einer früheren Fassung stand eine falsche Zahl der beteiligten Länder. */
      note: string;
    };
    CreateApiTokenBody: {
      /**
       * Format: date-time
       * @description with its offset; in the future, within 732 days
       * @example 2027-06-30T23:59:59+02:00
       */
      expiresAt: string;
      /**
       * @description what the token is for
       * @example Agenturimport dpa
       */
      name: string;
      /**
       * @description what the token may do
       * @example editor
       * @enum {string}
       */
      role: 'editor' | 'reviewer' | 'photo_desk' | 'ops' | 'admin';
    };
    /**
     * @description A new section; without `approvalSteps` a story needs one review, without `profile` the default profile applies.
     * @example {
     *       "slug": "digitale-bildung",
     *       "name": "Digitale Bildung",
     *       "description": "Schulen und Hochschulen"
     *     }
     */
    CreateSectionBody: {
      approvalSteps?: {
        key: string;
        label: string;
        roles: ('editor' | 'reviewer' | 'photo_desk' | 'ops' | 'admin')[];
      }[];
      description?: string;
      name: string;
      /** @description A change of the content profile: fields left out keep their value; each minimum must stay at or below its maximum. */
      profile?: {
        bodyBlocks?: ('paragraph' | 'heading' | 'quote' | 'image' | 'embed')[];
        headline?: {
          max?: number;
          min?: number;
        };
        heroImage?: {
          altRequired?: boolean;
          creditRequired?: boolean;
          required?: boolean;
        };
        kicker?: {
          max?: number;
          min?: number;
        };
        teaser?: {
          max?: number;
          min?: number;
        };
      };
      slug: string;
    };
    /**
     * @description An invitation: the user signs in with the one-time password of the answer.
     * @example {
     *       "email": "lena.berger@newsdesk.test",
     *       "name": "Lena Berger",
     *       "roles": [
     *         "editor"
     *       ]
     *     }
     */
    CreateUserBody: {
      email: string;
      name: string;
      roles: ('editor' | 'reviewer' | 'photo_desk' | 'ops' | 'admin')[];
    };
    CreateWebhookBody: {
      /** @description the events to receive; all of them when left out */
      events?: (
        'article.published' | 'article.updated' | 'article.unpublished' | 'article.killed'
      )[];
      /**
       * @description http(s) only; in production no host that is or resolves to a private, loopback or otherwise reserved address
       * @example https://partner.example/hooks/newsdesk
       */
      url: string;
    };
    /** @description What became of a story’s newest article event: listings rebuilt, CDN purges sent and verified, webhook subscribers served. */
    DeliveryReceipt: {
      /** Format: uuid */
      articleId: string;
      /** @description null when no CDN is configured */
      cdn: {
        purges: {
          /**
           * @example [
           *       "section:smart-city",
           *       "story:0b6c…"
           *     ]
           */
          keys: string[];
          /** Format: date-time */
          sentAt: string;
          verifiedAt: string | null;
        }[];
        /** @description whether purges are confirmed at the edge (`CDN_VERIFY_URL` is set) */
        verification: boolean;
      } | null;
      /** @description nothing is pending: the story is live everywhere */
      complete: boolean;
      /**
       * @description the story’s newest article event: a publication, an update (a correction), or a retraction
       * @enum {string}
       */
      event: 'article.published' | 'article.updated' | 'article.unpublished' | 'article.killed';
      /**
       * Format: uuid
       * @description the article event the receipt is about
       */
      eventId: string;
      /** @description every teaser listing the event named (for a retraction: those the story leaves) */
      listings: {
        rebuiltAt: string | null;
        /** @example section:smart-city */
        ref: string;
      }[];
      /** @description what is still on its way, and why, in plain words */
      pending: {
        /** @example partner.example failed 2 times, retrying: HTTP 500 */
        reason: string;
        /** @enum {string} */
        step: 'listing' | 'cdn' | 'webhook';
      }[];
      /** @description when the public version went out; null for a retraction */
      releasedAt: string | null;
      /** @description when the story was unpublished or killed; null while it is public */
      retractedAt: string | null;
      /** @description the story’s version the event announced */
      version: number;
      /** @description every webhook subscriber that wants this event */
      webhooks: {
        /** @description when delivered, or last tried */
        at: string | null;
        attempts: number;
        lastError: string | null;
        /** @enum {string} */
        state: 'pending' | 'retrying' | 'delivered' | 'failed' | 'cancelled';
        /**
         * @description the host it is sent to
         * @example partner.example
         */
        subscriber: string;
        /** Format: uuid */
        subscriptionId: string;
      }[];
    };
    DirectUploadBody: {
      /**
       * @description the size of the file
       * @example 5893120
       */
      bytes: number;
      /**
       * @description the format of the file; checked against its bytes once it has arrived
       * @enum {string}
       */
      contentType:
        | 'image/jpeg'
        | 'image/png'
        | 'image/webp'
        | 'image/avif'
        | 'image/heic'
        | 'image/tiff'
        | 'image/gif';
      /** @example 9f2c6a0e4b1d8c7f3a5e2b9d0c4f6a8e1b3d5f7a9c0e2b4d6f8a1c3e5b7d9f0a */
      sha256: string;
    };
    DirectUploadCompleteBody: {
      alt?: string;
      /** @description else taken from IPTC/XMP */
      caption?: string;
      /** @description else taken from IPTC/XMP */
      credit?: string;
      token: string;
    };
    /** @description A presigned PUT for the file, and the token that completes the upload. */
    DirectUploadTicket: {
      /**
       * Format: date-time
       * @description when the URL and the token run out
       */
      expiresAt: string;
      /**
       * @description to send with the PUT exactly as given: they are signed
       * @example {
       *       "content-type": "image/jpeg",
       *       "cache-control": "public, max-age=31536000, immutable"
       *     }
       */
      headers: {
        [key: string]: string;
      };
      /** @constant */
      method: 'PUT';
      /** @description completes the upload (`POST /api/images/uploads/complete`) */
      token: string;
      /** @description a presigned S3 URL */
      url: string;
    };
    /** @description Who is editing a story, until when. */
    EditLock: {
      /** Format: date-time */
      acquiredAt: string;
      /** Format: uuid */
      articleId: string;
      /**
       * Format: date-time
       * @description the lease ends by itself then, unless renewed (`POST …/lock`)
       */
      expiresAt: string;
      holder: components['schemas']['UserRef'];
      /** @description the caller holds it */
      mine: boolean;
    };
    /** @description The live edit lock of a story, or null when nobody holds one. */
    EditLockState: {
      /** Format: date-time */
      acquiredAt: string;
      /** Format: uuid */
      articleId: string;
      /**
       * Format: date-time
       * @description the lease ends by itself then, unless renewed (`POST …/lock`)
       */
      expiresAt: string;
      holder: components['schemas']['UserRef'];
      /** @description the caller holds it */
      mine: boolean;
    } | null;
    EndedSessions: {
      /** @description how many sessions were ended */
      ended: number;
    };
    /**
     * @description The error body of every 4xx and 5xx.
     * @example {
     *       "statusCode": 400,
     *       "error": "validation_failed",
     *       "message": "the request is invalid",
     *       "details": {
     *         "problems": [
     *           {
     *             "field": "headline",
     *             "reason": "is required"
     *           }
     *         ]
     *       }
     *     }
     */
    Error: {
      details: {
        /** @description for validation errors: every field that is wrong, and why */
        problems?: {
          /** @example headline */
          field: string;
          /** @example must be at most 200 characters (has 231) */
          reason: string;
        }[];
        /** @description for a bulk action refused as a whole: each story and why */
        refused?: {
          /** Format: uuid */
          id: string;
          /** @example cannot schedule a story that is draft */
          message: string;
          /**
           * @description `not_found`, `embargo`, or the state machine’s `wrong_state`, `wrong_role`, `own_story`
           * @example wrong_state
           */
          reason: string;
        }[];
      } & {
        [key: string]: unknown;
      };
      /** @description a stable, machine-readable code, e.g. `validation_failed` */
      error: string;
      /** @description for people; may change */
      message: string;
      statusCode: number;
    };
    /** @description Where crops centre: fractions of the upright picture, (0,0) top left. */
    FocalPoint: {
      /** @example 0.62 */
      x: number;
      /** @example 0.35 */
      y: number;
    };
    /** @description A picture of the photo desk: what is known about it, and its renditions. */
    Image: {
      /** @example Ein Sensor am Deckel eines Abfallbehälters */
      alt: string;
      blurhash: string | null;
      /**
       * @description the photographer, from IPTC/XMP
       * @example Lena Brandt
       */
      byline: string;
      /**
       * @description of the original
       * @example 2483112
       */
      bytes: number | null;
      /**
       * @description typed by the photo desk, or else taken from the IPTC/XMP description
       * @example Die Sensoren melden den Füllstand alle zehn Minuten.
       */
      caption: string;
      /**
       * @description from IPTC/XMP/EXIF
       * @example © Stadtwerke Ulm
       */
      copyright: string;
      /** Format: date-time */
      createdAt: string;
      /**
       * @description typed by the photo desk, or else taken from the IPTC/XMP credit line
       * @example Foto: Stadtwerke Ulm
       */
      credit: string;
      /** @description from EXIF, when known */
      dateTaken: string | null;
      /** @example #4a6b8c */
      dominantColor: string | null;
      /**
       * @description why processing failed (e.g. a truncated or unreadable file); null otherwise
       * @example null
       */
      failureReason: string | null;
      /** @description where crops centre; null for the centre */
      focalPoint: components['schemas']['FocalPoint'] | null;
      /** @example 2667 */
      height: number | null;
      /** Format: uuid */
      id: string;
      /**
       * @description the real format, read from the bytes
       * @enum {string}
       */
      mimeType:
        | 'image/jpeg'
        | 'image/png'
        | 'image/webp'
        | 'image/avif'
        | 'image/heic'
        | 'image/tiff'
        | 'image/gif';
      /** @description the URL of the original file */
      original: string;
      /** @description by preset, format and width; empty until processed */
      renditions: components['schemas']['ImageRendition'][];
      /**
       * @description `processing` until its renditions are made; `failed` names why in `failureReason`
       * @enum {string}
       */
      status: 'processing' | 'ready' | 'failed';
      /** Format: date-time */
      updatedAt: string;
      /**
       * @description of the upright original (EXIF orientation applied); null until processed
       * @example 4000
       */
      width: number | null;
    };
    /** @description A page of images, newest upload first. */
    ImagePage: {
      /** @description newest upload first */
      items: components['schemas']['Image'][];
      /**
       * @description how many images match the filter
       * @example 132
       */
      total: number;
    };
    ImageRendition: {
      /** @example 48213 */
      bytes: number;
      /** @enum {string} */
      format: 'avif' | 'webp' | 'jpeg';
      /** @example 360 */
      height: number;
      /** @example teaser */
      preset: string;
      /** @example https://cdn.newsdesk.test/renditions/9f2c…/teaser-640.webp */
      url: string;
      /**
       * @description of the file (narrower than the preset when the original is)
       * @example 640
       */
      width: number;
    };
    ImageRerender: {
      /**
       * @description how many images were queued
       * @example 12
       */
      queued: number;
    };
    ImageUpdateBody: {
      alt?: string;
      caption?: string;
      credit?: string;
      /** @description where crops centre (fractions, (0,0) top left), or null for the centre; a change re-renders the cropped presets */
      focalPoint?: {
        x: number;
        y: number;
      } | null;
    };
    ImageUploadForm: {
      alt?: string;
      /** @description else taken from IPTC/XMP */
      caption?: string;
      /** @description else taken from IPTC/XMP */
      credit?: string;
      /**
       * Format: binary
       * @description the picture: JPEG, PNG, WebP, AVIF, HEIC, TIFF or GIF (read from its bytes)
       */
      file: string;
    };
    /** @description A new or reset account with its one-time password. */
    InitialPassword: {
      /**
       * @description a one-time password to hand over, shown this once; it must be changed at the first sign-in
       * @example q7Xn2bVd9LmP4sRt
       */
      initialPassword: string;
      user: components['schemas']['AdminUser'];
    };
    /** @description One job as ops see it. */
    Job: {
      /** @description how many attempts the job gets in all */
      attempts: number;
      attemptsMade: number;
      /** Format: date-time */
      createdAt: string;
      /**
       * @description the payload: ids only
       * @example {
       *       "articleId": "0b6c2f9e-5d1e-4a57-9a3f-1c2d3e4f5a6b",
       *       "version": 7
       *     }
       */
      data: unknown;
      /**
       * @description why its last attempt failed; null unless it failed at least once
       * @example Connection is closed.
       */
      failedReason: string | null;
      finishedAt: string | null;
      /** @example ArticlePublish-0b6c2f9e-5d1e-4a57-9a3f-1c2d3e4f5a6b-7 */
      id: string;
      /** @example ArticlePublish */
      name: string;
      processedAt: string | null;
      /**
       * @description a registry queue: a job queue or `events.<consumer>`
       * @example media
       * @enum {string}
       */
      queue:
        | 'submission'
        | 'publication'
        | 'media'
        | 'webhooks'
        | 'cdn'
        | 'events.projector'
        | 'events.webhooks';
      /** @description the first lines of the last failure’s stack; null unless it failed */
      stack: string | null;
      /** @enum {string} */
      state:
        | 'waiting'
        | 'active'
        | 'delayed'
        | 'prioritized'
        | 'completed'
        | 'failed'
        | 'paused'
        | 'waiting-children'
        | 'unknown';
    };
    /**
     * @description Jobs per state. The jobs of a paused queue count as `paused`, not `waiting` (that is 0 then).
     * @example {
     *       "waiting": 0,
     *       "active": 1,
     *       "delayed": 0,
     *       "prioritized": 0,
     *       "completed": 214,
     *       "failed": 2,
     *       "paused": 0
     *     }
     */
    JobCounts: {
      active: number;
      completed: number;
      delayed: number;
      failed: number;
      paused: number;
      prioritized: number;
      waiting: number;
    };
    JobList: components['schemas']['Job'][];
    /** @description JSON Feed 1.1 of the newest 50 stories of a section or across all sections. */
    JsonFeed: {
      /** @example Die neuesten Meldungen aus Smart City */
      description: string;
      /** @example https://www.newsdesk.test/public/sections/smart-city/feed.json */
      feed_url: string;
      /** @example https://www.newsdesk.test/smart-city */
      home_page_url: string;
      items: {
        /** @description Newsdesk's extension: kicker, section, picture credit and alt text */
        _newsdesk: {
          alt: string | null;
          /** @description must be shown with the picture */
          credit: string | null;
          kicker: string;
          section: {
            /** @example Smart City */
            name: string;
            /** @example smart-city */
            slug: string;
          };
        };
        authors?: {
          /** @example Jana Schütte */
          name: string;
        }[];
        /** @description the teaser */
        content_text: string;
        /**
         * Format: date-time
         * @description RFC 3339 in the newsroom's zone
         * @example 2026-03-03T09:15:00+01:00
         */
        date_published: string;
        /**
         * Format: uuid
         * @description the story id: stable across slug changes
         */
        id: string;
        /** @description the teaser picture (a JPEG); absent when there is none */
        image?: string;
        /** @description the teaser */
        summary: string;
        /**
         * @description the kicker and the section
         * @example [
         *       "Digitalisierung",
         *       "Smart City"
         *     ]
         */
        tags: string[];
        /** @example Digitalministerkonferenz: Länder wollen Verwaltung gemeinsam digitalisieren */
        title: string;
        /** @example https://www.newsdesk.test/smart-city/digitalministerkonferenz-1a2b3c4d */
        url: string;
      }[];
      /** @example de */
      language: string;
      /** @example Newsdesk – Smart City */
      title: string;
      /** @constant */
      version: 'https://jsonfeed.org/version/1.1';
    };
    KillBody: {
      /** @example Rechtliche Prüfung: Vorwürfe nicht belegt. */
      reason: string;
    };
    /** @description The process runs and serves HTTP; nothing else is checked. */
    Liveness: {
      /** @constant */
      status: 'ok';
    };
    LoginBody: {
      /** @example editor@newsdesk.test */
      email: string;
      /** @example newsdesk */
      password: string;
    };
    /** @description A token just issued, with its secret (never shown again). */
    NewApiToken: {
      /** Format: date-time */
      createdAt: string;
      /**
       * Format: uuid
       * @description the admin who issued it
       */
      createdBy: string;
      /** Format: date-time */
      expiresAt: string;
      /** Format: uuid */
      id: string;
      /** @description to the minute; null when never used */
      lastUsedAt: string | null;
      /** @example Agenturimport dpa */
      name: string;
      /**
       * @description the secret’s first characters, to recognise it
       * @example nd_Ab12Cd3
       */
      prefix: string;
      revokedAt: string | null;
      /** @enum {string} */
      role: 'editor' | 'reviewer' | 'photo_desk' | 'ops' | 'admin';
      /**
       * @description the secret: send it as `Authorization: Bearer`; shown this once, only its hash is stored
       * @example nd_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
       */
      token: string;
    };
    /** @description What every client of the newsroom shows the same way. */
    Newsroom: {
      /**
       * @description IANA time zone in which the newsroom reads and schedules times
       * @example Europe/Berlin
       */
      timeZone: string;
    };
    /** @description A Google News sitemap (UTF-8): one `<url>` with `<news:news>` per story of the last 48 hours, at most 1000 */
    NewsSitemap: string;
    /** @description A subscription just registered, with its signing secret (never shown again). */
    NewWebhookSubscription: {
      /** @description failed attempts since the last success */
      consecutiveFailures: number;
      /** Format: date-time */
      createdAt: string;
      /** @description deliveries by status */
      deliveries: {
        cancelled: number;
        delivered: number;
        failed: number;
        pending: number;
      };
      events: (
        'article.published' | 'article.updated' | 'article.unpublished' | 'article.killed'
      )[];
      /** Format: uuid */
      id: string;
      /** @example HTTP 500 */
      lastError: string | null;
      lastFailureAt: string | null;
      lastSuccessAt: string | null;
      /** @description the subscription pauses when `consecutiveFailures` reaches this */
      pauseAfterFailures: number;
      pausedAt: string | null;
      /** @example 20 consecutive failed attempts; last: HTTP 500: boom */
      pausedReason: string | null;
      /**
       * @description signs every delivery (HMAC-SHA256, header `Newsdesk-Signature`); shown this once, keep it safe
       * @example whsec_3q2+7w…
       */
      secret: string;
      /** @enum {string} */
      status: 'active' | 'paused';
      /** @example https://partner.example/hooks/newsdesk */
      url: string;
    };
    /** @description An outbox row the relay tried and could not send yet. */
    OutboxFailure: {
      attempts: number;
      /** Format: date-time */
      createdAt: string;
      /** @enum {string} */
      kind: 'event' | 'job';
      /** @example Connection is closed. */
      lastError: string | null;
      /**
       * Format: uuid
       * @description the message id; consumers and BullMQ dedupe on it
       */
      messageId: string;
      /**
       * @description the job or event name
       * @example ArticlePublish
       */
      name: string;
      /**
       * @description the row’s place in the outbox
       * @example 1042
       */
      seq: string;
    };
    /** @description The outbox backlog: what the relay has not sent, and what it keeps failing to send. */
    OutboxStatus: {
      /** @description unsent rows with at least one failed attempt, oldest first (at most 100) */
      failing: components['schemas']['OutboxFailure'][];
      /** @description age of the oldest unsent row in whole seconds; 0 when none waits */
      oldestUnsentAgeSeconds: number;
      oldestUnsentAt: string | null;
      /** @description rows the relay has not sent yet */
      unsent: number;
    };
    /** @description Someone who works in the newsroom (an active person). */
    Person: {
      /** Format: uuid */
      id: string;
      /** @example Jana Weber */
      name: string;
      /**
       * @example [
       *       "reviewer"
       *     ]
       */
      roles: ('editor' | 'reviewer' | 'photo_desk' | 'ops' | 'admin')[];
    };
    /** @description By name. */
    PersonList: components['schemas']['Person'][];
    /** @description Home page placement: give `homePinned`, `homePriority` or both. */
    PlacementBody: {
      /** @description pinned stories lead the home page */
      homePinned?: boolean;
      /** @description order among pinned stories, highest first */
      homePriority?: number;
    };
    /** @description Which revision to preview; the body may be left out. */
    PreviewBody: {
      /** @description the revision to show; the newest when left out */
      revision?: number;
    };
    /** @description A signed, expiring link to a revision as it would be published. */
    PreviewLink: {
      /** Format: date-time */
      expiresAt: string;
      revision: number;
      token: string;
      /**
       * @description opens the preview without signing in
       * @example https://www.newsdesk.example/site/preview/eyJhIjoi…
       */
      url: string;
    };
    PublicBodyBlock:
      | {
          /** @example Die Länder wollen ihre Verwaltung gemeinsam … */
          text: string;
          /** @constant */
          type: 'paragraph';
        }
      | {
          /** @enum {number} */
          level: 2 | 3;
          text: string;
          /** @constant */
          type: 'heading';
        }
      | {
          attribution?: string;
          text: string;
          /** @constant */
          type: 'quote';
        }
      | {
          caption?: string;
          /** @description in the `original` preset (its widths, uncropped); null while the picture is not ready */
          image: components['schemas']['PublicImage'] | null;
          /** @constant */
          type: 'image';
        }
      | {
          caption?: string;
          /** @constant */
          type: 'embed';
          url: string;
        };
    /** @description A ready picture in one preset (teaser, hero …), with its renditions. */
    PublicImage: {
      /** @example Ein Sensor am Deckel eines Abfallbehälters */
      alt: string;
      /** @description a placeholder while the picture loads */
      blurhash: string | null;
      /** @example Die Sensoren melden den Füllstand alle zehn Minuten. */
      caption: string;
      /** @example Foto: Stadtwerke Ulm */
      credit: string;
      /** @example #4a6b8c */
      dominantColor: string | null;
      /** @example 720 */
      height: number | null;
      /** Format: uuid */
      id: string;
      /**
       * @description a JPEG for `<img src>` (the original while there is no rendition)
       * @example https://cdn.newsdesk.test/renditions/9f2c…/teaser-640.jpg
       */
      src: string;
      /**
       * @description per format, a ready `srcset` ("url 320w, url 640w") for `<source type="image/…">`
       * @example {
       *       "jpeg": "https://cdn.newsdesk.test/renditions/9f2c…/teaser-320.jpg 320w, https://cdn.newsdesk.test/renditions/9f2c…/teaser-640.jpg 640w"
       *     }
       */
      srcset: {
        avif?: string;
        jpeg?: string;
        webp?: string;
      };
      /**
       * @description of the largest rendition, so that `<img width height>` reserves the right box
       * @example 1280
       */
      width: number | null;
    };
    /** @description A published story, its pictures resolved to renditions. */
    PublicStory: {
      /** @example Jana Schütte */
      author: string;
      body: components['schemas']['PublicBodyBlock'][];
      /** @description public correction notes, oldest first */
      corrections: {
        /** Format: date-time */
        at: string;
        /** @example In einer früheren Fassung hieß es, … */
        note: string;
      }[];
      /** Format: date-time */
      firstPublishedAt: string;
      /** @enum {string} */
      format: 'news' | 'report' | 'interview';
      /** @example Digitalministerkonferenz: Länder wollen Verwaltung gemeinsam digitalisieren */
      headline: string;
      /** Format: uuid */
      id: string;
      /** @description the hero picture (`hero` preset); null when there is none or it is not ready */
      image: components['schemas']['PublicImage'] | null;
      /** @example Digitalisierung */
      kicker: string;
      /**
       * Format: date-time
       * @description the latest publication (an update moves it)
       */
      publishedAt: string;
      section: {
        /** @example Smart City */
        name: string;
        /** @example smart-city */
        slug: string;
      };
      /** @example Verwaltung digital */
      series: string | null;
      /** @example digitalministerkonferenz-laender-verwaltung-1a2b3c4d */
      slug: string;
      /**
       * @example [
       *       "OZG",
       *       "Verwaltung"
       *     ]
       */
      tags: string[];
      /** @example Bund und Länder einigen sich auf gemeinsame Plattformen für Bürgerdienste. */
      teaser: string;
      /**
       * @description where the public site shows the story (`/<section>/<slug>`)
       * @example /smart-city/digitalministerkonferenz-laender-verwaltung-1a2b3c4d
       */
      url: string;
    };
    /** @description When to publish (a time with its UTC offset; an embargo is never broken), and optionally when to take the story down again. The body may be left out. */
    PublishBody: {
      at?: string | null;
      until?: string | null;
    };
    /** @description A publish check the story failed on its last submission. */
    PublishCheckFailure: {
      /**
       * @description which kind of check: `required`, `length`, `block` or `image`
       * @example length
       */
      check: string;
      /** @example teaser */
      field: string;
      /** @description for length checks: the limit of the section’s content profile */
      limit?: {
        max?: number;
        min?: number;
      };
      /** @example the teaser may have at most 400 characters (has 431) */
      message: string;
    };
    /** @description One queue with its job counts per state. */
    Queue: {
      counts: components['schemas']['JobCounts'];
      /** @description workers take no new job off it until it is resumed */
      isPaused: boolean;
      /**
       * @description `job` queues carry commands; `event` queues one consumer’s events
       * @enum {string}
       */
      kind: 'job' | 'event';
      /**
       * @description a registry queue: a job queue or `events.<consumer>`
       * @example media
       * @enum {string}
       */
      name:
        | 'submission'
        | 'publication'
        | 'media'
        | 'webhooks'
        | 'cdn'
        | 'events.projector'
        | 'events.webhooks';
    };
    QueueList: components['schemas']['Queue'][];
    /** @description Whether the app can do its work: PostgreSQL answers, Redis answers and will not evict, the S3 bucket is reachable. */
    Readiness: {
      /**
       * @description every check: `database`, `redis`, and `s3` for the API
       * @example {
       *       "database": {
       *         "status": "up"
       *       },
       *       "redis": {
       *         "status": "up",
       *         "maxmemoryPolicy": "noeviction"
       *       },
       *       "s3": {
       *         "status": "up",
       *         "bucket": "newsdesk"
       *       }
       *     }
       */
      details: {
        [key: string]: {
          /** @description why it is down */
          message?: string;
          /** @enum {string} */
          status: 'up' | 'down';
        } & {
          [key: string]: unknown;
        };
      };
      /**
       * @description the checks that are down, with why
       * @example {
       *       "redis": {
       *         "status": "down",
       *         "maxmemoryPolicy": "allkeys-lru",
       *         "message": "maxmemory-policy is \"allkeys-lru\"; it must be \"noeviction\" so that no job or read model is dropped"
       *       }
       *     }
       */
      error?: {
        [key: string]: {
          /** @description why it is down */
          message?: string;
          /** @enum {string} */
          status: 'up' | 'down';
        } & {
          [key: string]: unknown;
        };
      };
      /**
       * @description the checks that are up
       * @example {
       *       "database": {
       *         "status": "up"
       *       },
       *       "redis": {
       *         "status": "up",
       *         "maxmemoryPolicy": "noeviction"
       *       },
       *       "s3": {
       *         "status": "up",
       *         "bucket": "newsdesk"
       *       }
       *     }
       */
      info?: {
        [key: string]: {
          /** @description why it is down */
          message?: string;
          /** @enum {string} */
          status: 'up' | 'down';
        } & {
          [key: string]: unknown;
        };
      };
      /**
       * @description `ok` when every check is up; `shutting_down` while the app stops
       * @enum {string}
       */
      status: 'ok' | 'error' | 'shutting_down';
    };
    RequestChangesBody: {
      /** @example Bitte die Zahl der beteiligten Länder belegen. */
      comment: string;
    };
    /** @description Nothing to send; an empty object is accepted. */
    ResetPasswordBody: Record<string, never>;
    RetriedJobs: {
      /**
       * @description a registry queue: a job queue or `events.<consumer>`
       * @example media
       * @enum {string}
       */
      queue:
        | 'submission'
        | 'publication'
        | 'media'
        | 'webhooks'
        | 'cdn'
        | 'events.projector'
        | 'events.webhooks';
      /** @description how many failed jobs went back to waiting */
      retried: number;
    };
    /** @description One save of a story, never changed afterwards. */
    Revision: {
      /** Format: uuid */
      articleId: string;
      authorId: string | null;
      content: {
        body: components['schemas']['BodyBlock'][];
        /** @enum {string} */
        format: 'news' | 'report' | 'interview';
        /** @example Digitalministerkonferenz: Länder wollen Verwaltung gemeinsam digitalisieren */
        headline: string;
        heroImageId: string | null;
        kicker: string;
        /** Format: uuid */
        sectionId: string;
        series: string | null;
        tags: string[];
        teaser: string;
      };
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      note: string | null;
      number: number;
    };
    /** @description What changed between two revisions: the fields, and the body block by block. */
    RevisionDiff: {
      /** @description block by block, in order */
      body: components['schemas']['BlockChange'][];
      fields: {
        /** @enum {string} */
        field:
          | 'kicker'
          | 'headline'
          | 'teaser'
          | 'sectionId'
          | 'format'
          | 'series'
          | 'tags'
          | 'heroImageId';
        /** @description the value in `from` (a string, list or null) */
        from: unknown;
        /** @description the value in `to` */
        to: unknown;
      }[];
      from: number;
      to: number;
    };
    /** @description Every revision of a story, oldest first. */
    RevisionList: components['schemas']['RevisionSummary'][];
    RevisionSummary: {
      authorId: string | null;
      /**
       * @description what differs from the revision before (`created` for the first)
       * @example [
       *       "headline",
       *       "body"
       *     ]
       */
      changed: (
        | 'kicker'
        | 'headline'
        | 'teaser'
        | 'sectionId'
        | 'format'
        | 'series'
        | 'tags'
        | 'heroImageId'
        | 'body'
        | 'created'
      )[];
      /** Format: date-time */
      createdAt: string;
      /** @example restored from revision 3 */
      note: string | null;
      number: number;
    };
    /** @description RSS 2.0 (UTF-8) with Media RSS and Dublin Core: per story title, link, teaser, the kicker and the section as categories, the author, a stable guid (the story id), the teaser picture with its credit */
    RssFeed: string;
    SearchHit: {
      /** @enum {string} */
      format: 'news' | 'report' | 'interview';
      /** @example Digitalministerkonferenz: Länder wollen Verwaltung gemeinsam digitalisieren */
      headline: string;
      /** Format: uuid */
      id: string;
      /** @description the teaser picture; null when the story has none or it is not ready */
      image: components['schemas']['PublicImage'] | null;
      /** @example Digitalisierung */
      kicker: string;
      /**
       * Format: date-time
       * @description the latest publication (an update moves it)
       */
      publishedAt: string;
      /** @example digitalministerkonferenz-laender-verwaltung-1a2b3c4d */
      slug: string;
      /**
       * @description HTML: the text escaped, `<mark>` around the words found
       * @example Die <mark>Abfallbehälter</mark> melden ihren Füllstand …
       */
      snippet: string;
      /** @example Bund und Länder einigen sich auf gemeinsame Plattformen für Bürgerdienste. */
      teaser: string;
      /**
       * @description where the public site shows the story (`/<section>/<slug>`)
       * @example /smart-city/digitalministerkonferenz-laender-verwaltung-1a2b3c4d
       */
      url: string;
    };
    /** @description One page of search results: most relevant first, then the newest. */
    SearchResults: {
      items: components['schemas']['SearchHit'][];
      /**
       * @description pass as `cursor` for the next page; null on the last page
       * @example eyJyIjoic2VjdGlvbjpzbWFydC1jaXR5IiwicyI6WzE3NzI1MjUzMDAwMDAsIjBiNmMuLi4iXX0
       */
      next: string | null;
    };
    /** @description A part of the site with its own teaser listing, approval steps and content profile. */
    Section: {
      approvalSteps: components['schemas']['ApprovalStep'][];
      /** @description an archived section takes no new stories */
      archived: boolean;
      archivedAt: string | null;
      /** Format: date-time */
      createdAt: string;
      /** @example Vernetzte Stadtentwicklung, Sensorik, Mobilität und urbane Daten im kommunalen Alltag. */
      description: string;
      /** Format: uuid */
      id: string;
      /** @example Smart City */
      name: string;
      profile: components['schemas']['ContentProfile'];
      /**
       * @description never changes
       * @example smart-city
       */
      slug: string;
    };
    /** @description Every section, by name. */
    SectionList: components['schemas']['Section'][];
    /** @description One page of a section's stories, newest first. */
    SectionTeaserPage: {
      items: components['schemas']['Teaser'][];
      /**
       * @description pass as `cursor` for the next page; null on the last page
       * @example eyJyIjoic2VjdGlvbjpzbWFydC1jaXR5IiwicyI6WzE3NzI1MjUzMDAwMDAsIjBiNmMuLi4iXX0
       */
      next: string | null;
      section: {
        /** @example Smart City */
        name: string;
        /** @example smart-city */
        slug: string;
      };
    };
    /**
     * @description The fields to change; fields left out keep their value, the slug never changes. New steps and limits apply from the next approval or check on; a new name reaches the public pages.
     * @example {
     *       "name": "Smart City & Mobilität",
     *       "approvalSteps": [
     *         {
     *           "key": "section_lead",
     *           "label": "Ressortleitung",
     *           "roles": [
     *             "reviewer"
     *           ]
     *         },
     *         {
     *           "key": "chief_editor",
     *           "label": "Chefredaktion",
     *           "roles": [
     *             "reviewer"
     *           ]
     *         }
     *       ]
     *     }
     */
    SectionUpdateBody: {
      approvalSteps?: {
        key: string;
        label: string;
        roles: ('editor' | 'reviewer' | 'photo_desk' | 'ops' | 'admin')[];
      }[];
      archived?: boolean;
      description?: string;
      name?: string;
      /** @description A change of the content profile: fields left out keep their value; each minimum must stay at or below its maximum. */
      profile?: {
        bodyBlocks?: ('paragraph' | 'heading' | 'quote' | 'image' | 'embed')[];
        headline?: {
          max?: number;
          min?: number;
        };
        heroImage?: {
          altRequired?: boolean;
          creditRequired?: boolean;
          required?: boolean;
        };
        kicker?: {
          max?: number;
          min?: number;
        };
        teaser?: {
          max?: number;
          min?: number;
        };
      };
    };
    /** @description A new session: its token (the same session is also set as the HttpOnly cookie). */
    SessionGrant: {
      /** @description send as `Authorization: Bearer`; browsers use the cookie instead */
      accessToken: string;
      user: components['schemas']['User'];
    };
    /** @description An HTML document (German) saying what went wrong; never indexed */
    SiteErrorPage: string;
    /** @description An HTML document (UTF-8, German): kicker, headline, date, lead, hero `<picture>` with caption and credit, body, corrections, the box of the section’s newest other stories, a canonical link and schema.org `NewsArticle` JSON-LD */
    SiteStoryPage: string;
    /** @description A story as editors see it: its working copy, its state in the workflow and what is due. */
    Story: {
      /** @description the approvals of this review round */
      approvals: components['schemas']['Approval'][];
      /** @description the reviewer whose queue it is in */
      assignee: {
        /** Format: uuid */
        id: string;
        /** @example Jana Schütte */
        name: string;
      } | null;
      author: components['schemas']['UserRef'];
      body: components['schemas']['BodyBlock'][];
      /** @description oldest first */
      corrections: components['schemas']['CorrectionNote'][];
      /** Format: date-time */
      createdAt: string;
      /** @description the story may not go public before this; UTC and the newsroom’s time */
      embargoUntil: {
        /**
         * Format: date-time
         * @description the same instant in the newsroom’s time zone, with its offset
         * @example 2026-12-01T08:00:00+01:00
         */
        local: string;
        /**
         * Format: date-time
         * @example 2026-12-01T07:00:00.000Z
         */
        utc: string;
      } | null;
      /** @description the publish checks that failed on the last submission; null once submitted anew */
      failedChecks: components['schemas']['PublishCheckFailure'][] | null;
      /** @enum {string} */
      format: 'news' | 'report' | 'interview';
      /** @example Digitalministerkonferenz: Länder wollen Verwaltung gemeinsam digitalisieren */
      headline: string;
      heroImageId: string | null;
      /** @description pinned stories lead the home page */
      homePinned: boolean;
      homePriority: number;
      /** Format: uuid */
      id: string;
      /** @example Berlin */
      kicker: string;
      /** @description why the story was retracted */
      killReason: string | null;
      /** @description the approval step still to take, while in review */
      nextApprovalStep: {
        /** @example chief_editor */
        key: string;
        /** @example Chefredaktion */
        label: string;
      } | null;
      /** @description the working copy differs from the public version */
      pendingChanges: boolean;
      /** @description when a scheduled story is due; UTC and the newsroom’s time */
      publishAt: {
        /**
         * Format: date-time
         * @description the same instant in the newsroom’s time zone, with its offset
         * @example 2026-12-01T08:00:00+01:00
         */
        local: string;
        /**
         * Format: date-time
         * @example 2026-12-01T07:00:00.000Z
         */
        utc: string;
      } | null;
      /** @description when it was last published; UTC and the newsroom’s time */
      publishedAt: {
        /**
         * Format: date-time
         * @description the same instant in the newsroom’s time zone, with its offset
         * @example 2026-12-01T08:00:00+01:00
         */
        local: string;
        /**
         * Format: date-time
         * @example 2026-12-01T07:00:00.000Z
         */
        utc: string;
      } | null;
      /** @description the newest revision (every save makes one) */
      revision: number;
      section: {
        /** Format: uuid */
        id: string;
        /** @example eGovernment */
        name: string;
        /** @example egovernment */
        slug: string;
      };
      series: string | null;
      /**
       * @description the public URL’s last part; follows the headline until first published
       * @example digitalministerkonferenz-laender-wollen-verwaltung-gemeinsam-digitalisieren
       */
      slug: string;
      /** @enum {string} */
      status:
        | 'draft'
        | 'submitted'
        | 'in_review'
        | 'changes_requested'
        | 'approved'
        | 'scheduled'
        | 'published'
        | 'unpublished'
        | 'killed';
      /**
       * @example [
       *       "OZG",
       *       "Registermodernisierung"
       *     ]
       */
      tags: string[];
      /** @example Bund und Länder wollen Verwaltungsleistungen künftig einmal entwickeln und überall nutzen. */
      teaser: string;
      /** @description when a published story is to be taken down again; UTC and the newsroom’s time */
      unpublishAt: {
        /**
         * Format: date-time
         * @description the same instant in the newsroom’s time zone, with its offset
         * @example 2026-12-01T08:00:00+01:00
         */
        local: string;
        /**
         * Format: date-time
         * @example 2026-12-01T07:00:00.000Z
         */
        utc: string;
      } | null;
      /** Format: date-time */
      updatedAt: string;
      /** @description where a reviewed update of a published story stands (the public version stays live meanwhile) */
      updateStatus: ('in_review' | 'changes_requested') | null;
      /**
       * @description bumped by every change; send it as `If-Match` to save (the `ETag` header carries it too)
       * @example 7
       */
      version: number;
    };
    /** @description A new draft: a headline and a section at least; drafts may be incomplete. */
    StoryCreateBody: {
      body?: components['schemas']['BodyBlockInput'][];
      embargoUntil?: string | null;
      /** @enum {string} */
      format?: 'news' | 'report' | 'interview';
      /** @example Digitalministerkonferenz: Länder wollen Verwaltung gemeinsam digitalisieren */
      headline: string;
      heroImageId?: string | null;
      /** @example Berlin */
      kicker?: string;
      /**
       * @description the section’s slug
       * @example egovernment
       */
      section: string;
      /** @description empty or null: none */
      series?: string | null;
      /**
       * @description trimmed; duplicates and empty ones are dropped
       * @example [
       *       "OZG"
       *     ]
       */
      tags?: string[];
      teaser?: string;
    };
    /** @description A story’s audit rows, oldest first: every transition (refused ones too), save and comment. */
    StoryHistory: components['schemas']['AuditEntry'][];
    /** @description A story in the editors’ list; with a search text, its highlighted snippet. */
    StoryListItem: {
      /** @description the approvals of this review round */
      approvals: components['schemas']['Approval'][];
      /** @description the reviewer whose queue it is in */
      assignee: {
        /** Format: uuid */
        id: string;
        /** @example Jana Schütte */
        name: string;
      } | null;
      author: components['schemas']['UserRef'];
      body: components['schemas']['BodyBlock'][];
      /** @description oldest first */
      corrections: components['schemas']['CorrectionNote'][];
      /** Format: date-time */
      createdAt: string;
      /** @description the story may not go public before this; UTC and the newsroom’s time */
      embargoUntil: {
        /**
         * Format: date-time
         * @description the same instant in the newsroom’s time zone, with its offset
         * @example 2026-12-01T08:00:00+01:00
         */
        local: string;
        /**
         * Format: date-time
         * @example 2026-12-01T07:00:00.000Z
         */
        utc: string;
      } | null;
      /** @description the publish checks that failed on the last submission; null once submitted anew */
      failedChecks: components['schemas']['PublishCheckFailure'][] | null;
      /** @enum {string} */
      format: 'news' | 'report' | 'interview';
      /** @example Digitalministerkonferenz: Länder wollen Verwaltung gemeinsam digitalisieren */
      headline: string;
      heroImageId: string | null;
      /** @description pinned stories lead the home page */
      homePinned: boolean;
      homePriority: number;
      /** Format: uuid */
      id: string;
      /** @example Berlin */
      kicker: string;
      /** @description why the story was retracted */
      killReason: string | null;
      /** @description the approval step still to take, while in review */
      nextApprovalStep: {
        /** @example chief_editor */
        key: string;
        /** @example Chefredaktion */
        label: string;
      } | null;
      /** @description the working copy differs from the public version */
      pendingChanges: boolean;
      /** @description when a scheduled story is due; UTC and the newsroom’s time */
      publishAt: {
        /**
         * Format: date-time
         * @description the same instant in the newsroom’s time zone, with its offset
         * @example 2026-12-01T08:00:00+01:00
         */
        local: string;
        /**
         * Format: date-time
         * @example 2026-12-01T07:00:00.000Z
         */
        utc: string;
      } | null;
      /** @description when it was last published; UTC and the newsroom’s time */
      publishedAt: {
        /**
         * Format: date-time
         * @description the same instant in the newsroom’s time zone, with its offset
         * @example 2026-12-01T08:00:00+01:00
         */
        local: string;
        /**
         * Format: date-time
         * @example 2026-12-01T07:00:00.000Z
         */
        utc: string;
      } | null;
      /** @description the newest revision (every save makes one) */
      revision: number;
      section: {
        /** Format: uuid */
        id: string;
        /** @example eGovernment */
        name: string;
        /** @example egovernment */
        slug: string;
      };
      series: string | null;
      /**
       * @description the public URL’s last part; follows the headline until first published
       * @example digitalministerkonferenz-laender-wollen-verwaltung-gemeinsam-digitalisieren
       */
      slug: string;
      /**
       * @description with a search text only: HTML, the text escaped, `<mark>…</mark>` around the words found
       * @example Die <mark>Digitalministerkonferenz</mark> hat beschlossen …
       */
      snippet?: string;
      /** @enum {string} */
      status:
        | 'draft'
        | 'submitted'
        | 'in_review'
        | 'changes_requested'
        | 'approved'
        | 'scheduled'
        | 'published'
        | 'unpublished'
        | 'killed';
      /**
       * @example [
       *       "OZG",
       *       "Registermodernisierung"
       *     ]
       */
      tags: string[];
      /** @example Bund und Länder wollen Verwaltungsleistungen künftig einmal entwickeln und überall nutzen. */
      teaser: string;
      /** @description when a published story is to be taken down again; UTC and the newsroom’s time */
      unpublishAt: {
        /**
         * Format: date-time
         * @description the same instant in the newsroom’s time zone, with its offset
         * @example 2026-12-01T08:00:00+01:00
         */
        local: string;
        /**
         * Format: date-time
         * @example 2026-12-01T07:00:00.000Z
         */
        utc: string;
      } | null;
      /** Format: date-time */
      updatedAt: string;
      /** @description where a reviewed update of a published story stands (the public version stays live meanwhile) */
      updateStatus: ('in_review' | 'changes_requested') | null;
      /**
       * @description bumped by every change; send it as `If-Match` to save (the `ETag` header carries it too)
       * @example 7
       */
      version: number;
    };
    /** @description One page of the editors’ list: newest change first, a review queue oldest first, a search by relevance. */
    StoryPage: {
      items: components['schemas']['StoryListItem'][];
      /**
       * @description how many stories match in all; page on with `offset`
       * @example 128
       */
      total: number;
    };
    /** @description A revision as it would be published (the public story of that revision). */
    StoryPreview: {
      /** @example Jana Schütte */
      author: string;
      body: components['schemas']['PublicBodyBlock'][];
      /** @description public correction notes, oldest first */
      corrections: {
        /** Format: date-time */
        at: string;
        /** @example In einer früheren Fassung hieß es, … */
        note: string;
      }[];
      /** Format: date-time */
      firstPublishedAt: string;
      /** @enum {string} */
      format: 'news' | 'report' | 'interview';
      /** @example Digitalministerkonferenz: Länder wollen Verwaltung gemeinsam digitalisieren */
      headline: string;
      /** Format: uuid */
      id: string;
      /** @description the hero picture (`hero` preset); null when there is none or it is not ready */
      image: components['schemas']['PublicImage'] | null;
      /** @example Digitalisierung */
      kicker: string;
      preview: {
        /**
         * Format: date-time
         * @description when the link stops working
         */
        expiresAt: string;
        /** @example 3 */
        revision: number;
      };
      /**
       * Format: date-time
       * @description the latest publication (an update moves it)
       */
      publishedAt: string;
      section: {
        /** @example Smart City */
        name: string;
        /** @example smart-city */
        slug: string;
      };
      /** @example Verwaltung digital */
      series: string | null;
      /** @example digitalministerkonferenz-laender-verwaltung-1a2b3c4d */
      slug: string;
      /**
       * @example [
       *       "OZG",
       *       "Verwaltung"
       *     ]
       */
      tags: string[];
      /** @example Bund und Länder einigen sich auf gemeinsame Plattformen für Bürgerdienste. */
      teaser: string;
      /**
       * @description where the public site shows the story (`/<section>/<slug>`)
       * @example /smart-city/digitalministerkonferenz-laender-verwaltung-1a2b3c4d
       */
      url: string;
    };
    /** @description The fields to change; fields left out keep their value. Every save is a revision. */
    StoryUpdateBody: {
      body?: components['schemas']['BodyBlockInput'][];
      embargoUntil?: string | null;
      /** @enum {string} */
      format?: 'news' | 'report' | 'interview';
      /** @example Digitalministerkonferenz: Länder wollen Verwaltung gemeinsam digitalisieren */
      headline?: string;
      heroImageId?: string | null;
      /** @example Berlin */
      kicker?: string;
      /**
       * @description the section’s slug
       * @example egovernment
       */
      section?: string;
      /** @description empty or null: none */
      series?: string | null;
      /**
       * @description trimmed; duplicates and empty ones are dropped
       * @example [
       *       "OZG"
       *     ]
       */
      tags?: string[];
      teaser?: string;
    };
    /** @description One story in a teaser listing: what a teaser box shows, with its picture. */
    Teaser: {
      /** @enum {string} */
      format: 'news' | 'report' | 'interview';
      /** @example Digitalministerkonferenz: Länder wollen Verwaltung gemeinsam digitalisieren */
      headline: string;
      /** Format: uuid */
      id: string;
      /** @description the teaser picture; null when the story has none or it is not ready */
      image: components['schemas']['PublicImage'] | null;
      /** @example Digitalisierung */
      kicker: string;
      /**
       * Format: date-time
       * @description the latest publication (an update moves it)
       */
      publishedAt: string;
      /** @example digitalministerkonferenz-laender-verwaltung-1a2b3c4d */
      slug: string;
      /** @example Bund und Länder einigen sich auf gemeinsame Plattformen für Bürgerdienste. */
      teaser: string;
      /**
       * @description where the public site shows the story (`/<section>/<slug>`)
       * @example /smart-city/digitalministerkonferenz-laender-verwaltung-1a2b3c4d
       */
      url: string;
    };
    /** @description One page of a teaser listing, newest first (on the home page pinned first). */
    TeaserPage: {
      items: components['schemas']['Teaser'][];
      /**
       * @description pass as `cursor` for the next page; null on the last page
       * @example eyJyIjoic2VjdGlvbjpzbWFydC1jaXR5IiwicyI6WzE3NzI1MjUzMDAwMDAsIjBiNmMuLi4iXX0
       */
      next: string | null;
      /**
       * @description "Startseite", the series' or the tag's name
       * @example Startseite
       */
      title: string;
    };
    /**
     * @description Fields left out keep their value. A change of roles and a deactivation end the user’s sessions at once.
     * @example {
     *       "roles": [
     *         "editor",
     *         "reviewer"
     *       ]
     *     }
     */
    UpdateUserBody: {
      active?: boolean;
      name?: string;
      roles?: ('editor' | 'reviewer' | 'photo_desk' | 'ops' | 'admin')[];
    };
    UploadedImage: {
      /** @description false when the same bytes were uploaded before: this is that image */
      created: boolean;
      /** Format: uuid */
      id: string;
      /**
       * @description `processing` for a new upload
       * @enum {string}
       */
      status: 'processing' | 'ready' | 'failed';
    };
    User: {
      /** @example redaktion@newsdesk.test */
      email: string;
      /** Format: uuid */
      id: string;
      /** @description a one-time password must be replaced before anything else */
      mustChangePassword: boolean;
      /** @example Jana Schütte */
      name: string;
      roles: ('editor' | 'reviewer' | 'photo_desk' | 'ops' | 'admin')[];
    };
    UserRef: {
      /** Format: uuid */
      id: string;
      /** @example Jana Schütte */
      name: string;
    };
    /** @description One POST to the subscriber. */
    WebhookAttempt: {
      /** Format: date-time */
      at: string;
      /** @example HTTP 500: boom */
      error: string | null;
      latencyMs: number;
      ok: boolean;
      /** @description the HTTP status; null when no response came (refused, timeout) */
      statusCode: number | null;
    };
    /** @description One event for one subscription, with every attempt to send it. */
    WebhookDelivery: {
      articleId: string | null;
      /** @description every attempt, oldest first */
      attempts: components['schemas']['WebhookAttempt'][];
      /** Format: date-time */
      createdAt: string;
      deliveredAt: string | null;
      /** @enum {string} */
      event: 'article.published' | 'article.updated' | 'article.unpublished' | 'article.killed';
      /**
       * Format: uuid
       * @description the same for every subscriber and attempt
       */
      eventId: string;
      /**
       * Format: uuid
       * @description sent as `Newsdesk-Delivery`
       */
      id: string;
      lastAttemptAt: string | null;
      lastError: string | null;
      /** Format: date-time */
      occurredAt: string;
      /** @description how often ops asked for it again by hand */
      redeliveries: number;
      /**
       * @description `pending`: queued or retrying; `delivered`: a 2xx came back; `failed`: the retries ran out or the subscription paused; `cancelled`: not sent (subscription deleted, or the story is no longer public)
       * @enum {string}
       */
      status: 'pending' | 'delivered' | 'failed' | 'cancelled';
      /** Format: uuid */
      subscriptionId: string;
    };
    WebhookDeliveryList: components['schemas']['WebhookDelivery'][];
    /** @description A subscription as ops see it: its state, failures and deliveries (never its secret). */
    WebhookSubscription: {
      /** @description failed attempts since the last success */
      consecutiveFailures: number;
      /** Format: date-time */
      createdAt: string;
      /** @description deliveries by status */
      deliveries: {
        cancelled: number;
        delivered: number;
        failed: number;
        pending: number;
      };
      events: (
        'article.published' | 'article.updated' | 'article.unpublished' | 'article.killed'
      )[];
      /** Format: uuid */
      id: string;
      /** @example HTTP 500 */
      lastError: string | null;
      lastFailureAt: string | null;
      lastSuccessAt: string | null;
      /** @description the subscription pauses when `consecutiveFailures` reaches this */
      pauseAfterFailures: number;
      pausedAt: string | null;
      /** @example 20 consecutive failed attempts; last: HTTP 500: boom */
      pausedReason: string | null;
      /** @enum {string} */
      status: 'active' | 'paused';
      /** @example https://partner.example/hooks/newsdesk */
      url: string;
    };
    WebhookSubscriptionList: components['schemas']['WebhookSubscription'][];
    WhoAmI: {
      credential: {
        /** Format: date-time */
        expiresAt: string;
        /** Format: uuid */
        id: string;
        /** @enum {string} */
        type: 'session' | 'api_token';
      };
      user: components['schemas']['User'];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  apiTokens_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiTokenList'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  apiTokens_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateApiTokenBody'];
      };
    };
    responses: {
      /** @description created */
      201: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NewApiToken'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  apiTokens_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description done; no body */
      204: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  adminAudit_search: {
    parameters: {
      query?: {
        /** @description the id of the admin who acted */
        actor?: string;
        /** @description the `next` cursor of the previous page */
        before?: string;
        kind?: 'user' | 'section';
        /** @description how many rows the page holds */
        limit?: number;
        /** @description the id of a user or section */
        subject?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminAuditPage'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  adminSections_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateSectionBody'];
      };
    };
    responses: {
      /** @description created */
      201: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Section'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  adminSections_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the section’s slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SectionUpdateBody'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Section'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  adminUsers_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminUserList'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  adminUsers_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUserBody'];
      };
    };
    responses: {
      /** @description created */
      201: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InitialPassword'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  adminUsers_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminUser'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  adminUsers_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateUserBody'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminUser'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the story (or resource) is not in a state that allows this, or was changed by someone else */
      409: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  adminUsers_resetPassword: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['ResetPasswordBody'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InitialPassword'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_list: {
    parameters: {
      query?: {
        /** @description `me` for your review queue (oldest first), or a user id */
        assignee?: string;
        /** @description `me` for your own stories (with `status=draft`: your drafts), or a user id */
        author?: string;
        limit?: number;
        /** @description stories to skip */
        offset?: number;
        /** @description full-text search over the working copies (German stemming; quotes and `-` work) */
        q?: string;
        /** @description a section slug */
        section?: string;
        status?:
          | 'draft'
          | 'submitted'
          | 'in_review'
          | 'changes_requested'
          | 'approved'
          | 'scheduled'
          | 'published'
          | 'unpublished'
          | 'killed';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StoryPage'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['StoryCreateBody'];
      };
    };
    responses: {
      /** @description created */
      201: {
        headers: {
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Story'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Story'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_update: {
    parameters: {
      query?: never;
      header: {
        /** @description the version you edited: the `ETag` of the story as you read it (or its `version`); missing or malformed is a 400, an older version a 409 with `details.currentVersion` */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['StoryUpdateBody'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Story'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the story (or resource) is not in a state that allows this, or was changed by someone else */
      409: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description someone else holds the edit lock */
      423: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_approve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Story'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the story (or resource) is not in a state that allows this, or was changed by someone else */
      409: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_assign: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AssignBody'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Story'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_listComments: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommentThreadList'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_addComment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CommentBody'];
      };
    };
    responses: {
      /** @description created */
      201: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommentThread'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_resolveComment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        commentId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommentThreadList'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_correct: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CorrectionBody'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Story'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the story (or resource) is not in a state that allows this, or was changed by someone else */
      409: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deliveryReceipt_receipt: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeliveryReceipt'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_diff: {
    parameters: {
      query: {
        from: number;
        to: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RevisionDiff'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_history: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StoryHistory'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_kill: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['KillBody'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Story'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the story (or resource) is not in a state that allows this, or was changed by someone else */
      409: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_lock: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EditLockState'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_acquireLock: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EditLock'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the story (or resource) is not in a state that allows this, or was changed by someone else */
      409: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description someone else holds the edit lock */
      423: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_releaseLock: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description done; no body */
      204: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_takeOverLock: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EditLock'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_place: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PlacementBody'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Story'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_preview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['PreviewBody'];
      };
    };
    responses: {
      /** @description created */
      201: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PreviewLink'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_publish: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['PublishBody'];
      };
    };
    responses: {
      /** @description accepted: the story is `scheduled`; the publication job publishes it */
      202: {
        headers: {
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Story'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the story (or resource) is not in a state that allows this, or was changed by someone else */
      409: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_reopen: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Story'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the story (or resource) is not in a state that allows this, or was changed by someone else */
      409: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_requestChanges: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RequestChangesBody'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Story'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the story (or resource) is not in a state that allows this, or was changed by someone else */
      409: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_listRevisions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RevisionList'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_revision: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        number: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Revision'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_restore: {
    parameters: {
      query?: never;
      header: {
        /** @description the version you edited: the `ETag` of the story as you read it (or its `version`); missing or malformed is a 400, an older version a 409 with `details.currentVersion` */
        'If-Match': string;
      };
      path: {
        id: string;
        number: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Story'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the story (or resource) is not in a state that allows this, or was changed by someone else */
      409: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description someone else holds the edit lock */
      423: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_cancelSchedule: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Story'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the story (or resource) is not in a state that allows this, or was changed by someone else */
      409: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_submit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description accepted: the publish checks are queued (at once for an update) */
      202: {
        headers: {
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Story'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the story (or resource) is not in a state that allows this, or was changed by someone else */
      409: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_unpublish: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description accepted: the unpublication is queued */
      202: {
        headers: {
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Story'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the story (or resource) is not in a state that allows this, or was changed by someone else */
      409: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  articles_publishMany: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BulkPublishBody'];
      };
    };
    responses: {
      /** @description accepted: the stories are `scheduled`; one publication job publishes them */
      202: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkPublishResult'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the story (or resource) is not in a state that allows this, or was changed by someone else */
      409: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  audit_search: {
    parameters: {
      query?: {
        /** @description e.g. `approve`, `refused:approve`, `login:locked` */
        action?: string;
        /** @description the id of the user who acted */
        actor?: string;
        /** @description the id of a story */
        article?: string;
        /** @description the `next` cursor of the previous page */
        before?: string;
        /** @description rows at or after */
        from?: string;
        /** @description how many rows the page holds */
        limit?: number;
        /** @description rows before */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditPage'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  auth_login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginBody'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the session cookie `newsdesk_session` (HttpOnly, SameSite=Strict) */
          'Set-Cookie'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionGrant'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description too many attempts; see `Retry-After` */
      429: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  auth_logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description done; no body */
      204: {
        headers: {
          /** @description the session cookie `newsdesk_session` (HttpOnly, SameSite=Strict) */
          'Set-Cookie'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  auth_logoutEverywhere: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the session cookie `newsdesk_session` (HttpOnly, SameSite=Strict) */
          'Set-Cookie'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EndedSessions'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  auth_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WhoAmI'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  auth_changePassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangePasswordBody'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the session cookie `newsdesk_session` (HttpOnly, SameSite=Strict) */
          'Set-Cookie'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionGrant'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  images_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description images to skip */
        offset?: number;
        /** @description words in the caption, credit or alt text */
        q?: string;
        status?: 'processing' | 'ready' | 'failed';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImagePage'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  images_upload: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': components['schemas']['ImageUploadForm'];
      };
    };
    responses: {
      /** @description the same bytes were uploaded before: that image (`created: false`) */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UploadedImage'];
        };
      };
      /** @description a new image; its processing is queued (`status: processing`) */
      202: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UploadedImage'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  images_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Image'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  images_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ImageUpdateBody'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Image'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  images_startDirect: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DirectUploadBody'];
      };
    };
    responses: {
      /** @description the same bytes were uploaded before: that image (`created: false`) */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UploadedImage'];
        };
      };
      /** @description PUT the file to `url`, then complete */
      201: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DirectUploadTicket'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  images_completeDirect: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DirectUploadCompleteBody'];
      };
    };
    responses: {
      /** @description the same bytes were registered before: that image (`created: false`) */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UploadedImage'];
        };
      };
      /** @description a new image; its processing is queued (`status: processing`) */
      202: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UploadedImage'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the story (or resource) is not in a state that allows this, or was changed by someone else */
      409: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description expired */
      410: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  newsroom_get: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Newsroom'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  imagesOps_rerender: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description accepted: the work is queued */
      202: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImageRerender'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  outboxOps_status: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OutboxStatus'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  queuesOps_overview: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QueueList'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  queuesOps_queue: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description a registry queue: a job queue or `events.<consumer>` */
        name:
          | 'submission'
          | 'publication'
          | 'media'
          | 'webhooks'
          | 'cdn'
          | 'events.projector'
          | 'events.webhooks';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Queue'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  queuesOps_failed: {
    parameters: {
      query?: {
        /** @description how many jobs to list */
        limit?: number;
      };
      header?: never;
      path: {
        /** @description a registry queue: a job queue or `events.<consumer>` */
        name:
          | 'submission'
          | 'publication'
          | 'media'
          | 'webhooks'
          | 'cdn'
          | 'events.projector'
          | 'events.webhooks';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobList'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  queuesOps_jobs: {
    parameters: {
      query?: {
        /** @description how many jobs to list */
        limit?: number;
        state?:
          'waiting' | 'active' | 'delayed' | 'prioritized' | 'completed' | 'failed' | 'paused';
      };
      header?: never;
      path: {
        /** @description a registry queue: a job queue or `events.<consumer>` */
        name:
          | 'submission'
          | 'publication'
          | 'media'
          | 'webhooks'
          | 'cdn'
          | 'events.projector'
          | 'events.webhooks';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobList'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  queuesOps_job: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the BullMQ job id */
        id: string;
        /** @description a registry queue: a job queue or `events.<consumer>` */
        name:
          | 'submission'
          | 'publication'
          | 'media'
          | 'webhooks'
          | 'cdn'
          | 'events.projector'
          | 'events.webhooks';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Job'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  queuesOps_discard: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the BullMQ job id */
        id: string;
        /** @description a registry queue: a job queue or `events.<consumer>` */
        name:
          | 'submission'
          | 'publication'
          | 'media'
          | 'webhooks'
          | 'cdn'
          | 'events.projector'
          | 'events.webhooks';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description done; no body */
      204: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the story (or resource) is not in a state that allows this, or was changed by someone else */
      409: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  queuesOps_retry: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the BullMQ job id */
        id: string;
        /** @description a registry queue: a job queue or `events.<consumer>` */
        name:
          | 'submission'
          | 'publication'
          | 'media'
          | 'webhooks'
          | 'cdn'
          | 'events.projector'
          | 'events.webhooks';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Job'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the story (or resource) is not in a state that allows this, or was changed by someone else */
      409: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  queuesOps_pause: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description a registry queue: a job queue or `events.<consumer>` */
        name:
          | 'submission'
          | 'publication'
          | 'media'
          | 'webhooks'
          | 'cdn'
          | 'events.projector'
          | 'events.webhooks';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Queue'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  queuesOps_resume: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description a registry queue: a job queue or `events.<consumer>` */
        name:
          | 'submission'
          | 'publication'
          | 'media'
          | 'webhooks'
          | 'cdn'
          | 'events.projector'
          | 'events.webhooks';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Queue'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  queuesOps_retryFailed: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description a registry queue: a job queue or `events.<consumer>` */
        name:
          | 'submission'
          | 'publication'
          | 'media'
          | 'webhooks'
          | 'cdn'
          | 'events.projector'
          | 'events.webhooks';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RetriedJobs'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  people_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PersonList'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  sections_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SectionList'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  sections_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SectionUpdateBody'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Section'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  stream_open: {
    parameters: {
      query?: {
        /** @description the same as `Last-Event-ID`, for clients that cannot set headers */
        lastEventId?: string;
      };
      header?: {
        /** @description resume after this event (EventSource sends it on reconnect) */
        'Last-Event-ID'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a `text/event-stream` that stays open */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  webhooks_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookSubscriptionList'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  webhooks_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateWebhookBody'];
      };
    };
    responses: {
      /** @description created */
      201: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NewWebhookSubscription'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  webhooks_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookSubscription'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  webhooks_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description done; no body */
      204: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  webhooks_deliveries: {
    parameters: {
      query?: {
        limit?: number;
        status?: 'pending' | 'delivered' | 'failed' | 'cancelled';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDeliveryList'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  webhooks_resume: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookSubscription'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  webhooks_redeliver: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        deliveryId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description accepted: the work is queued */
      202: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDelivery'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin) */
      403: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the story (or resource) is not in a state that allows this, or was changed by someone else */
      409: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body is too large */
      413: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the body has a type this route does not take */
      415: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  health_health: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Readiness'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description a dependency is down: `error` names which, and why */
      503: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Readiness'];
        };
      };
    };
  };
  health_live: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Liveness'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  health_ready: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Readiness'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description a dependency is down: `error` names which, and why */
      503: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Readiness'];
        };
      };
    };
  };
  public_article: {
    parameters: {
      query?: never;
      header?: {
        /** @description the `ETag` of the copy you hold: 304 without a body while it is current */
        'If-None-Match'?: string;
      };
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description space-separated keys a CDN purges by: `story:<id>`, `section:<slug>`, `image:<id>` … */
          'Surrogate-Key'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PublicStory'];
        };
      };
      /** @description not modified: `If-None-Match` names the current `ETag`; no body */
      304: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description space-separated keys a CDN purges by: `story:<id>`, `section:<slug>`, `image:<id>` … */
          'Surrogate-Key'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  feeds_homeJson: {
    parameters: {
      query?: never;
      header?: {
        /** @description the `ETag` of the copy you hold: 304 without a body while it is current */
        'If-None-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description space-separated keys a CDN purges by: `story:<id>`, `section:<slug>`, `image:<id>` … */
          'Surrogate-Key'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/feed+json': components['schemas']['JsonFeed'];
        };
      };
      /** @description not modified: `If-None-Match` names the current `ETag`; no body */
      304: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description space-separated keys a CDN purges by: `story:<id>`, `section:<slug>`, `image:<id>` … */
          'Surrogate-Key'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  feeds_homeRss: {
    parameters: {
      query?: never;
      header?: {
        /** @description the `ETag` of the copy you hold: 304 without a body while it is current */
        'If-None-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description space-separated keys a CDN purges by: `story:<id>`, `section:<slug>`, `image:<id>` … */
          'Surrogate-Key'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/rss+xml': components['schemas']['RssFeed'];
        };
      };
      /** @description not modified: `If-None-Match` names the current `ETag`; no body */
      304: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description space-separated keys a CDN purges by: `story:<id>`, `section:<slug>`, `image:<id>` … */
          'Surrogate-Key'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  public_home: {
    parameters: {
      query?: {
        /** @description `next` of the previous page (opaque) */
        cursor?: string;
        /** @description stories per page */
        limit?: number;
      };
      header?: {
        /** @description the `ETag` of the copy you hold: 304 without a body while it is current */
        'If-None-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description space-separated keys a CDN purges by: `story:<id>`, `section:<slug>`, `image:<id>` … */
          'Surrogate-Key'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TeaserPage'];
        };
      };
      /** @description not modified: `If-None-Match` names the current `ETag`; no body */
      304: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description space-separated keys a CDN purges by: `story:<id>`, `section:<slug>`, `image:<id>` … */
          'Surrogate-Key'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  public_preview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the signed token of a preview link */
        token: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StoryPreview'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid session or token */
      401: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description expired */
      410: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  public_search: {
    parameters: {
      query: {
        /** @description `next` of the previous page (opaque) */
        cursor?: string;
        limit?: number;
        q: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SearchResults'];
        };
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  feeds_sectionJson: {
    parameters: {
      query?: never;
      header?: {
        /** @description the `ETag` of the copy you hold: 304 without a body while it is current */
        'If-None-Match'?: string;
      };
      path: {
        /** @description the section */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description space-separated keys a CDN purges by: `story:<id>`, `section:<slug>`, `image:<id>` … */
          'Surrogate-Key'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/feed+json': components['schemas']['JsonFeed'];
        };
      };
      /** @description not modified: `If-None-Match` names the current `ETag`; no body */
      304: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description space-separated keys a CDN purges by: `story:<id>`, `section:<slug>`, `image:<id>` … */
          'Surrogate-Key'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  feeds_sectionRss: {
    parameters: {
      query?: never;
      header?: {
        /** @description the `ETag` of the copy you hold: 304 without a body while it is current */
        'If-None-Match'?: string;
      };
      path: {
        /** @description the section */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description space-separated keys a CDN purges by: `story:<id>`, `section:<slug>`, `image:<id>` … */
          'Surrogate-Key'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/rss+xml': components['schemas']['RssFeed'];
        };
      };
      /** @description not modified: `If-None-Match` names the current `ETag`; no body */
      304: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description space-separated keys a CDN purges by: `story:<id>`, `section:<slug>`, `image:<id>` … */
          'Surrogate-Key'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  public_sectionTeasers: {
    parameters: {
      query?: {
        /** @description `next` of the previous page (opaque) */
        cursor?: string;
        /** @description the slug of the story being shown, to leave out */
        exclude?: string;
        /** @description stories per page */
        limit?: number;
      };
      header?: {
        /** @description the `ETag` of the copy you hold: 304 without a body while it is current */
        'If-None-Match'?: string;
      };
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description space-separated keys a CDN purges by: `story:<id>`, `section:<slug>`, `image:<id>` … */
          'Surrogate-Key'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SectionTeaserPage'];
        };
      };
      /** @description not modified: `If-None-Match` names the current `ETag`; no body */
      304: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description space-separated keys a CDN purges by: `story:<id>`, `section:<slug>`, `image:<id>` … */
          'Surrogate-Key'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  public_series: {
    parameters: {
      query?: {
        /** @description `next` of the previous page (opaque) */
        cursor?: string;
        /** @description stories per page */
        limit?: number;
      };
      header?: {
        /** @description the `ETag` of the copy you hold: 304 without a body while it is current */
        'If-None-Match'?: string;
      };
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description space-separated keys a CDN purges by: `story:<id>`, `section:<slug>`, `image:<id>` … */
          'Surrogate-Key'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TeaserPage'];
        };
      };
      /** @description not modified: `If-None-Match` names the current `ETag`; no body */
      304: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description space-separated keys a CDN purges by: `story:<id>`, `section:<slug>`, `image:<id>` … */
          'Surrogate-Key'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  feeds_newsSitemap: {
    parameters: {
      query?: never;
      header?: {
        /** @description the `ETag` of the copy you hold: 304 without a body while it is current */
        'If-None-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description space-separated keys a CDN purges by: `story:<id>`, `section:<slug>`, `image:<id>` … */
          'Surrogate-Key'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/xml': components['schemas']['NewsSitemap'];
        };
      };
      /** @description not modified: `If-None-Match` names the current `ETag`; no body */
      304: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description space-separated keys a CDN purges by: `story:<id>`, `section:<slug>`, `image:<id>` … */
          'Surrogate-Key'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  public_tag: {
    parameters: {
      query?: {
        /** @description `next` of the previous page (opaque) */
        cursor?: string;
        /** @description stories per page */
        limit?: number;
      };
      header?: {
        /** @description the `ETag` of the copy you hold: 304 without a body while it is current */
        'If-None-Match'?: string;
      };
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description space-separated keys a CDN purges by: `story:<id>`, `section:<slug>`, `image:<id>` … */
          'Surrogate-Key'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TeaserPage'];
        };
      };
      /** @description not modified: `If-None-Match` names the current `ETag`; no body */
      304: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description space-separated keys a CDN purges by: `story:<id>`, `section:<slug>`, `image:<id>` … */
          'Surrogate-Key'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the request is invalid; `details.problems` names each field and why */
      400: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found */
      404: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs */
      500: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  site_story: {
    parameters: {
      query?: never;
      header?: {
        /** @description the `ETag` of the copy you hold: 304 without a body while it is current */
        'If-None-Match'?: string;
      };
      path: {
        section: string;
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description space-separated keys a CDN purges by: `story:<id>`, `section:<slug>`, `image:<id>` … */
          'Surrogate-Key'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'text/html': components['schemas']['SiteStoryPage'];
        };
      };
      /** @description the story is in another section now: `Location` is its canonical address */
      301: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the story page’s canonical address */
          Location?: string;
          /** @description space-separated keys a CDN purges by: `story:<id>`, `section:<slug>`, `image:<id>` … */
          'Surrogate-Key'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description not modified: `If-None-Match` names the current `ETag`; no body */
      304: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories) */
          ETag?: string;
          /** @description space-separated keys a CDN purges by: `story:<id>`, `section:<slug>`, `image:<id>` … */
          'Surrogate-Key'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description a slug that cannot name a story or section: an HTML page, or the error body when `Accept` prefers JSON */
      400: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'text/html': components['schemas']['SiteErrorPage'];
        };
      };
      /** @description no such story, or it is not public: an HTML page, or the error body when `Accept` prefers JSON */
      404: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'text/html': components['schemas']['SiteErrorPage'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs: an HTML page, or the error body when `Accept` prefers JSON */
      500: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'text/html': components['schemas']['SiteErrorPage'];
        };
      };
    };
  };
  site_preview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the signed token of a preview link */
        token: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'text/html': components['schemas']['SiteStoryPage'];
        };
      };
      /** @description a slug that cannot name a story or section: an HTML page, or the error body when `Accept` prefers JSON */
      400: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'text/html': components['schemas']['SiteErrorPage'];
        };
      };
      /** @description the preview link is altered or incomplete: an HTML page, or the error body when `Accept` prefers JSON */
      401: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'text/html': components['schemas']['SiteErrorPage'];
        };
      };
      /** @description no such story, or it is not public: an HTML page, or the error body when `Accept` prefers JSON */
      404: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'text/html': components['schemas']['SiteErrorPage'];
        };
      };
      /** @description the preview link expired, or the story was retracted after it was issued: an HTML page, or the error body when `Accept` prefers JSON */
      410: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'text/html': components['schemas']['SiteErrorPage'];
        };
      };
      /** @description the URL is too long */
      414: {
        headers: {
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description something failed on the server; the request id in `X-Request-Id` finds it in the logs: an HTML page, or the error body when `Accept` prefers JSON */
      500: {
        headers: {
          /** @description how long browsers and CDNs may keep the body */
          'Cache-Control'?: string;
          /** @description the request id (yours when you sent a plain one); logs, audit rows and events carry it */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'text/html': components['schemas']['SiteErrorPage'];
        };
      };
    };
  };
}
