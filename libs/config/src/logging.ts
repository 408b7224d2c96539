import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import { RequestContext } from '@newsdesk/common';
import type { AppConfig } from './config';

/** Fields that may hold a secret wherever they appear in a logged object. */
const SECRETS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.accessToken',
  '*.secret',
  '*.jwtSecret',
];

/** Health probes and metric scrapes: not worth a log line each. */
export function isProbe(url: string | undefined): boolean {
  return /^\/(health(\/|$|\?)|metrics($|\?))/.test(url ?? '');
}

/** Signed preview links carry their token in the path: log the route, not the token. */
export function loggableUrl(url: string | undefined): string | undefined {
  return url?.replace(/(\/preview\/)[^/?#]+/, '$1[redacted]');
}

/**
 * pino settings for every app: JSON in production, readable lines in development.
 * Every line carries the id of the request being served — in the API the
 * request's own, in workers the one the job or event carries — so that one id
 * finds a story's trail from HTTP through the outbox, jobs and events to the
 * listing. Secrets and tokens are redacted.
 */
export function loggerParams(config: AppConfig, app: string): Params {
  return {
    pinoHttp: {
      level: config.env === 'test' ? 'silent' : config.logLevel,
      base: { app },
      // One line per request in production, except probes and scrapes (every few seconds, from every app).
      autoLogging:
        config.env === 'production'
          ? { ignore: (req: IncomingMessage) => isProbe(req.url) }
          : false,
      mixin: () => {
        const requestId = RequestContext.requestId();
        return requestId ? { requestId } : {};
      },
      serializers: {
        req: (req: { method?: string; url?: string; id?: unknown }) => ({
          id: req.id,
          method: req.method,
          url: loggableUrl(req.url),
        }),
      },
      redact: { paths: SECRETS, censor: '[redacted]' },
      transport:
        config.env === 'development'
          ? {
              target: 'pino-pretty',
              options: {
                singleLine: true,
                colorize: false,
                ignore: 'pid,hostname,app',
                translateTime: 'HH:MM:ss.l',
              },
            }
          : undefined,
    },
  };
}
