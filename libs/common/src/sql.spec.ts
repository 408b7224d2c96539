import { EntitySchema, MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { insertEntities, placeholders, storedProperties, upsertEntities } from './sql';

describe('placeholders', () => {
  it('gives one ? per value, and null (which matches nothing) for none', () => {
    expect(placeholders(['a', 'b', 'c'])).toBe('?, ?, ?');
    expect(placeholders([1])).toBe('?');
    expect(placeholders([])).toBe('null');
  });
});

interface Note {
  id: string;
  sentAt: Date;
  words?: string;
}

describe('writing entities in plain SQL', () => {
  const Note = new EntitySchema<Note>({
    name: 'Note',
    tableName: 'notes',
    properties: {
      id: { type: 'string', primary: true },
      sentAt: { type: Date },
      words: { type: 'string', columnType: 'tsvector', generated: "(to_tsvector('simple', id))" },
    },
  });
  // Metadata only: the ORM is never connected.
  const orm = MikroORM.initSync({
    driver: PostgreSqlDriver,
    dbName: 'unused',
    connect: false,
    entities: [Note],
  });
  const at = new Date('2026-01-02T03:04:05.000Z');

  it("inserts into the entity's table and columns, the rows keyed by column", () => {
    const { sql, params } = insertEntities(orm.em, Note, [{ id: 'a', sentAt: at }]);
    expect(sql).toMatch(/^insert into notes \(id, sent_at\)/);
    expect(JSON.parse(params[0] as string)).toEqual([{ id: 'a', sent_at: at.toISOString() }]);
  });

  it('names a property the entity does not have', () => {
    expect(() => insertEntities(orm.em, Note, [{ id: 'a', sentOn: at } as never])).toThrow(
      'Note has no property "sentOn"',
    );
  });

  it('replaces a row whose key is taken: every named column but the key', () => {
    const { sql } = upsertEntities(orm.em, Note, [{ id: 'a', sentAt: at }], 'id');
    expect(sql).toMatch(/^insert into notes \(id, sent_at\)/);
    expect(sql).toMatch(/on conflict \(id\) do update set sent_at = excluded\.sent_at$/);
  });

  it('stores every property but those the database generates', () => {
    expect(storedProperties(orm.em, Note)).toEqual(['id', 'sentAt']);
  });
});
