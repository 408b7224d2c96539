/** How an app uses {@link ObservabilityModule}. */
export interface ObservabilityOptions {
  /** The app's name: the `app` label of its metrics (`api`, `workflow`, `media`, `projector`). */
  app: string;
  /**
   * Serve `/health/live`, `/health/ready`, `/health` and `/metrics` from this
   * module's own controller. The API serves them from its controllers (behind
   * its auth guard's public marker); the projector's second Nest app serves none.
   */
  controllers?: boolean;
  /** Include the S3 bucket in readiness (apps that read or write objects). */
  s3?: boolean;
  /** Include the app's BullMQ workers in readiness (apps that run jobs or consume events). */
  workers?: boolean;
}

export const OBSERVABILITY_OPTIONS = Symbol('OBSERVABILITY_OPTIONS');
