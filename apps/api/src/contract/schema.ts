import { z } from 'zod';

/**
 * The API's contract in one place: every request body and response body is a
 * zod schema registered here under the name it has in the OpenAPI document.
 * The same schema validates what comes in, shapes what goes out and is turned
 * into `components.schemas` of `/docs-json`, so the document cannot drift from
 * what the API does.
 */
interface Registered {
  id: string;
  description?: string;
  example?: unknown;
}

/** Response bodies, documented as the API sends them (after defaults and transforms). */
const responses = z.registry<Registered>();
/** Request bodies, documented as a client writes them (before defaults and transforms). */
const requests = z.registry<Registered>();

/** A response body with its name in the document, an optional description and an example. */
export function responseShape<T extends z.ZodType>(
  id: string,
  schema: T,
  meta: Omit<Registered, 'id'> = {},
): T {
  responses.add(schema, { id, ...meta });
  return schema;
}

/** A request body with its name in the document, an optional description and an example. */
export function requestShape<T extends z.ZodType>(
  id: string,
  schema: T,
  meta: Omit<Registered, 'id'> = {},
): T {
  requests.add(schema, { id, ...meta });
  return schema;
}

/** The `$ref` to a registered schema; throws for a schema that has no name, so nothing is inlined by accident. */
export function refTo(schema: z.ZodType): { $ref: string } {
  const id = responses.get(schema)?.id ?? requests.get(schema)?.id;
  if (!id) throw new Error('a schema used by a route must be registered with a name');
  return { $ref: `#/components/schemas/${id}` };
}

type JsonSchema = Record<string, unknown>;

/** Components need neither `$id` nor `$schema`: the document's dialect is JSON Schema 2020-12 and refs name them. */
function withoutIds(schemas: Record<string, JsonSchema>): Record<string, JsonSchema> {
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $id: _id, $schema: _schema, ...schema }]) => [id, schema]),
  );
}

/** Every registered schema as OpenAPI 3.1 `components.schemas` (JSON Schema 2020-12). */
export function componentSchemas(): Record<string, JsonSchema> {
  const convert = (registry: typeof responses, io: 'input' | 'output') => {
    const { schemas } = z.toJSONSchema(registry, {
      io,
      uri: (id) => `#/components/schemas/${id}`,
      unrepresentable: 'any',
    }) as { schemas: Record<string, JsonSchema> };
    // zod takes descriptions and examples from the global registry only: add the ones given here.
    for (const [id, schema] of registry._idmap) {
      const { description, example } = registry.get(schema) ?? {};
      if (description !== undefined) schemas[id].description = description;
      if (example !== undefined) schemas[id].example = example;
    }
    return schemas;
  };
  const out = convert(responses, 'output');
  const inn = convert(requests, 'input');
  for (const id of Object.keys(inn)) {
    if (id in out) throw new Error(`schema name "${id}" is used for a request and a response`);
  }
  return withoutIds({ ...out, ...inn });
}

/** The one error body of every 4xx and 5xx. */
export const ErrorBodySchema = responseShape(
  'Error',
  z.object({
    statusCode: z.int().min(400).max(599),
    error: z
      .string()
      .meta({ description: 'a stable, machine-readable code, e.g. `validation_failed`' }),
    message: z.string().meta({ description: 'for people; may change' }),
    details: z
      .object({
        problems: z
          .array(
            z.object({
              field: z.string().meta({ example: 'headline' }),
              reason: z.string().meta({ example: 'must be at most 200 characters (has 231)' }),
            }),
          )
          .optional()
          .meta({ description: 'for validation errors: every field that is wrong, and why' }),
        refused: z
          .array(
            z.object({
              id: z.uuid(),
              reason: z.string().meta({
                description:
                  '`not_found`, `embargo`, or the state machine’s `wrong_state`, `wrong_role`, `own_story`',
                example: 'wrong_state',
              }),
              message: z.string().meta({ example: 'cannot schedule a story that is draft' }),
            }),
          )
          .optional()
          .meta({ description: 'for a bulk action refused as a whole: each story and why' }),
      })
      .catchall(z.unknown()),
  }),
  {
    description: 'The error body of every 4xx and 5xx.',
    example: {
      statusCode: 400,
      error: 'validation_failed',
      message: 'the request is invalid',
      details: { problems: [{ field: 'headline', reason: 'is required' }] },
    },
  },
);
