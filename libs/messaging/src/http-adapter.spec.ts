import { Agent, get } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { httpAdapter } from './graceful-shutdown';

// Ten minutes: far beyond the test's own timeout, so waiting for either would fail the test.
const NEVER = { keepAliveTimeout: 600_000, requestTimeout: 600_000, headersTimeout: 600_000 };

describe('httpAdapter', () => {
  it('closes without waiting out the keep-alive of a connection whose stream was still open when closing began', async () => {
    const fastify = httpAdapter(NEVER).getInstance();
    let answer!: () => void;
    const asked = new Promise<void>((resolve) => {
      // A live stream: the reply is taken over and written raw, headers first.
      fastify.get('/stream', (_request, reply) => {
        reply.hijack();
        reply.raw.writeHead(200, { 'content-type': 'text/plain' });
        reply.raw.write('live\n');
        answer = () => reply.raw.end('end\n');
        resolve();
      });
    });
    await fastify.listen({ port: 0, host: '127.0.0.1' });
    const { port } = fastify.server.address() as AddressInfo;
    const agent = new Agent({ keepAlive: true });

    let socketClosed!: Promise<void>;
    const body = new Promise<string>((resolve, reject) => {
      const request = get({ host: '127.0.0.1', port, path: '/stream', agent }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve(text));
      });
      socketClosed = new Promise((closed) =>
        request.on('socket', (socket) => socket.once('close', () => closed())),
      );
      request.on('error', reject);
    });
    await asked;

    const closed = fastify.close();
    // The stream ends once the server no longer listens: after it closed the connections idle then.
    while (fastify.server.listening) await new Promise((resolve) => setTimeout(resolve, 5));
    answer();
    expect(await body).toBe('live\nend\n');
    // The client keeps the connection for more requests: the server ends it once it is idle.
    await closed;
    await socketClosed;
    expect(agent.freeSockets).toEqual({});
    agent.destroy();
  });

  it('closes a connection a client opened but sent no request on', async () => {
    const fastify = httpAdapter(NEVER).getInstance();
    fastify.get('/', () => ({ ok: true }));
    await fastify.listen({ port: 0, host: '127.0.0.1' });
    const { port } = fastify.server.address() as AddressInfo;
    // A spare connection, as browsers open ahead of requests they may never make.
    const spare = connect(port, '127.0.0.1');
    await new Promise((resolve) => spare.once('connect', resolve));
    const ended = new Promise((resolve) => spare.once('close', resolve));

    await fastify.close();
    await ended;
    expect(spare.destroyed).toBe(true);
  });
});
