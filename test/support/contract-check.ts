import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import type { OpenAPIObject } from '@nestjs/swagger';

/** A response the API sent that its OpenAPI document does not describe. */
export interface ContractViolation {
  request: string;
  status: number;
  problem: string;
}

type Responses = Record<string, { content?: Record<string, { schema?: object }> }>;

/**
 * Checks every response the API under test sends against its own OpenAPI
 * document: the status must be documented for the operation, and a JSON body
 * must match the documented schema (no missing, extra or mistyped field).
 * Responses of routes that are not API operations (the docs UI, the queue
 * dashboard, `/metrics`, unknown paths) are only checked to be JSON errors
 * when they are 4xx/5xx JSON.
 */
export class ContractCheck {
  readonly violations: ContractViolation[] = [];
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction | null>();

  constructor(private readonly document: OpenAPIObject) {
    addFormats(this.ajv);
    this.ajv.addSchema(this.rebased({ components: document.components }), 'api');
  }

  install(fastify: FastifyInstance): void {
    fastify.addHook('onSend', (request, reply, payload, done) => {
      const route = request.routeOptions.url;
      if (route)
        this.check(
          `${request.method} ${request.url}`,
          route,
          request.method,
          reply.statusCode,
          reply.getHeader('content-type'),
          payload,
        );
      done(null, payload);
    });
  }

  /** Fails with every violation seen so far. */
  assertClean(): void {
    if (!this.violations.length) return;
    // The same mismatch on the same route counts once, with how often it was seen.
    const seen = new Map<string, number>();
    for (const v of this.violations) {
      const key = `${v.request.replace(/\?.*$/, '')} → ${v.status}: ${v.problem}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    const lines = [...seen]
      .slice(0, 20)
      .map(([key, count]) => `- ${key}${count > 1 ? ` (×${count})` : ''}`);
    throw new Error(
      `${this.violations.length} response(s) do not match the OpenAPI document:\n${lines.join('\n')}`,
    );
  }

  private check(
    request: string,
    route: string,
    method: string,
    status: number,
    contentType: unknown,
    payload: unknown,
  ): void {
    const path = route.replace(/:(\w+)/g, '{$1}');
    const operation = (
      this.document.paths[path] as Record<string, { responses: Responses }> | undefined
    )?.[method.toLowerCase()];
    if (!operation) return;
    const response = operation.responses[String(status)];
    if (!response) {
      this.violations.push({
        request,
        status,
        problem: `status ${status} is not documented for ${method} ${path}`,
      });
      return;
    }
    const json = typeof contentType === 'string' && contentType.startsWith('application/json');
    const schema = response.content?.['application/json']?.schema;
    // A response documented in more than one type (an HTML page or the JSON error) may be sent in any of them.
    const mediaType = typeof contentType === 'string' ? contentType.split(';')[0].trim() : '';
    const documentedType = !json && !!mediaType && !!response.content?.[mediaType];
    if (!json || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) {
      if (schema && status !== 304 && !documentedType)
        this.violations.push({
          request,
          status,
          problem: `documented as JSON, sent ${String(contentType)}`,
        });
      return;
    }
    if (!schema) {
      if (String(payload).length)
        this.violations.push({
          request,
          status,
          problem: 'a JSON body where the document has none',
        });
      return;
    }
    const validate = this.validatorFor(`${method} ${path} ${status}`, schema);
    let body: unknown;
    try {
      body = JSON.parse(String(payload));
    } catch {
      this.violations.push({ request, status, problem: 'the body is not JSON' });
      return;
    }
    if (validate && !validate(body)) {
      const problems = (validate.errors ?? [])
        .slice(0, 5)
        .map(
          (e) =>
            `${e.instancePath || '(body)'} ${e.message ?? ''} ${e.params ? JSON.stringify(e.params) : ''}`,
        );
      this.violations.push({ request, status, problem: problems.join('; ') });
    }
  }

  private validatorFor(key: string, schema: object): ValidateFunction | null {
    if (!this.validators.has(key)) this.validators.set(key, this.ajv.compile(this.rebased(schema)));
    return this.validators.get(key) ?? null;
  }

  /** Refs point into the document (`#/components/...`); here they point into the schema registered as `api`. */
  private rebased<T extends object>(schema: T): T {
    return JSON.parse(
      JSON.stringify(schema).replaceAll('"#/components/', '"api#/components/'),
    ) as T;
  }
}
