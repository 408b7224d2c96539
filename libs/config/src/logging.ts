import type { Params } from 'nestjs-pino';
import type { AppConfig } from './config';

/** pino settings for every app: JSON in production, readable lines in development. */
export function loggerParams(config: AppConfig, app: string): Params {
  return {
    pinoHttp: {
      level: config.env === 'test' ? 'silent' : config.logLevel,
      base: { app },
      autoLogging: config.env === 'production',
      redact: ['req.headers.authorization', 'req.headers.cookie'],
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
