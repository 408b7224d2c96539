import { Writable } from 'node:stream';
import pino, { type LoggerOptions } from 'pino';
import { RequestContext } from '@newsdesk/common';
import { MINIMAL_ENV } from '@newsdesk/testing';
import { loadConfig } from './config';
import { isProbe, loggableUrl, loggerParams } from './logging';

const env = {
  ...MINIMAL_ENV,
  NODE_ENV: 'production',
  JWT_SECRET: 'a-long-enough-production-secret',
};

/** A pino logger with the apps' settings, writing JSON lines into an array. */
function capture(): { logger: pino.Logger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  // Production settings: JSON lines, no pretty-printing transport.
  const options = loggerParams(loadConfig(env), 'workflow').pinoHttp as LoggerOptions;
  return {
    logger: pino(options, sink),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('log lines', () => {
  it('carry the request id of the work being done, and none outside it', () => {
    const { logger, lines } = capture();
    RequestContext.run({ requestId: 'req-42' }, () => logger.info('publishing'));
    logger.info('idle');
    expect(lines()).toEqual([
      expect.objectContaining({ msg: 'publishing', requestId: 'req-42', app: 'workflow' }),
      expect.not.objectContaining({ requestId: expect.anything() }),
    ]);
  });

  it('never show passwords, tokens, secrets or authorization headers', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        body: { email: 'a@newsdesk.test', password: 'hunter22' },
        session: { accessToken: 'eyJ.secret.jwt' },
        subscription: { secret: 'whsec' },
        req: { headers: { authorization: 'Bearer eyJ.x.y', cookie: 'newsdesk_ops=eyJ' } },
      },
      'login',
    );
    const line = JSON.stringify(lines()[0]);
    for (const secret of ['hunter22', 'eyJ', 'whsec']) expect(line).not.toContain(secret);
    expect(line).toContain('a@newsdesk.test');
  });

  it('skip health probes and metric scrapes, not routes that merely start alike', () => {
    for (const url of ['/health', '/health/live', '/health/ready?x=1', '/metrics'])
      expect(isProbe(url)).toBe(true);
    for (const url of ['/healthy-food', '/metricsfoo', '/api/articles', undefined])
      expect(isProbe(url)).toBe(false);
  });

  it('log preview links without their token', () => {
    expect(loggableUrl('/public/preview/eyJhbGciOi.abc.def?x=1')).toBe(
      '/public/preview/[redacted]?x=1',
    );
    expect(loggableUrl('/site/preview/eyJhbGciOi.abc')).toBe('/site/preview/[redacted]');
    expect(loggableUrl('/public/home')).toBe('/public/home');
  });
});
