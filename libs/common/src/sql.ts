import {
  ReferenceKind,
  type EntityKey,
  type EntityManager,
  type EntityMetadata,
  type EntityName,
} from '@mikro-orm/postgresql';
/**
 * The placeholders of an `in (…)` list for `values` in hand-written SQL:
 * `?, ?, ?`, or `null` when there are none (`in (null)` matches nothing).
 */
export function placeholders(values: readonly unknown[]): string {
  return values.length ? values.map(() => '?').join(', ') : 'null';
}

/** A statement in hand-written SQL with its `?` parameters. */
export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/**
 * Inserts `rows` into `table`, in their order, from one JSON parameter: each
 * row an object keyed by column name, converted to the table's row type by
 * PostgreSQL (`jsonb_populate_recordset`: arrays, enums, timestamps in ISO
 * form). One parameter however many rows, so a batch never runs into the
 * protocol's limit on parameters.
 */
export function insertRows(
  table: string,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): SqlStatement {
  const list = columns.join(', ');
  return {
    sql: `insert into ${table} (${list})
          select ${list} from jsonb_populate_recordset(null::${table}, ?::jsonb) with ordinality as r
           order by r.ordinality`,
    params: [JSON.stringify(rows)],
  };
}

/**
 * {@link insertRows} for rows of `entity` keyed by property name, as
 * `em.create` takes them: the table and the columns are the entity's own.
 * Every row names the same properties as the first.
 */
export function insertEntities<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  rows: readonly Partial<Record<EntityKey<T>, unknown>>[],
): SqlStatement {
  const meta = em.getMetadata().get(entity);
  const properties = Object.keys(rows[0] ?? {}) as EntityKey<T>[];
  const columns = columnsOf(meta, properties);
  return insertRows(
    meta.tableName,
    columns,
    rows.map((row) => Object.fromEntries(properties.map((p, i) => [columns[i], row[p]]))),
  );
}

/**
 * {@link insertEntities}, and a row whose `key` is taken already is replaced:
 * every property the rows name but the key is set to the new row's.
 */
export function upsertEntities<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  rows: readonly Partial<Record<EntityKey<T>, unknown>>[],
  key: EntityKey<T>,
): SqlStatement {
  const meta = em.getMetadata().get(entity);
  const [keyColumn] = columnsOf(meta, [key]);
  const replaced = columnsOf(
    meta,
    (Object.keys(rows[0] ?? {}) as EntityKey<T>[]).filter((property) => property !== key),
  );
  const insert = insertEntities(em, entity, rows);
  return {
    ...insert,
    sql: `${insert.sql}
          on conflict (${keyColumn}) do update set ${replaced.map((c) => `${c} = excluded.${c}`).join(', ')}`,
  };
}

/**
 * What a write of `entity` stores, as its properties: every column of its own
 * but those the database generates, as a flush of the entity would write.
 */
export function storedProperties<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
): EntityKey<T>[] {
  return em
    .getMetadata()
    .get(entity)
    .props.filter((p) => p.kind === ReferenceKind.SCALAR && p.persist !== false && !p.generated)
    .map((p) => p.name);
}

/** The columns of `properties`; an error names a property the entity lacks. */
function columnsOf<T extends object>(
  meta: EntityMetadata<T>,
  properties: EntityKey<T>[],
): string[] {
  return properties.map((property) => {
    const column = meta.properties[property]?.fieldNames[0];
    if (!column) throw new Error(`${meta.className} has no property "${property}"`);
    return column;
  });
}

/**
 * Several data-modifying statements as one (each a `with` part of it), so they
 * cost one round trip. Each runs exactly once, all of them see the database as
 * it was before the statement, and none may change a row another one changes.
 * `last` reads their `returning` rows by the names `w0`, `w1`, … in the order given.
 */
export function asOneStatement(parts: readonly SqlStatement[], last: string): SqlStatement {
  return {
    sql: `with ${parts.map((p, i) => `w${i} as (${p.sql})`).join(',\n')}\n${last}`,
    params: parts.flatMap((p) => p.params),
  };
}
