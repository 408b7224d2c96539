import { EntitySchema, MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { insertEntities, placeholders } from './sql';

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
}

describe('insertEntities', () => {
  // Metadata only: the ORM is never connected.
  const orm = MikroORM.initSync({
    driver: PostgreSqlDriver,
    dbName: 'unused',
    connect: false,
    entities: [
      new EntitySchema<Note>({
        name: 'Note',
        tableName: 'notes',
        properties: { id: { type: 'string', primary: true }, sentAt: { type: Date } },
      }),
    ],
  });

  it("inserts into the entity's table and columns, the rows keyed by column", () => {
    const at = new Date('2026-01-02T03:04:05.000Z');
    const { sql, params } = insertEntities(orm.em, 'Note', [{ id: 'a', sentAt: at }]);
    expect(sql).toMatch(/^insert into notes \(id, sent_at\)/);
    expect(JSON.parse(params[0] as string)).toEqual([{ id: 'a', sent_at: at.toISOString() }]);
  });

  it('names a property the entity does not have', () => {
    expect(() =>
      insertEntities(orm.em, 'Note', [{ id: 'a', sentOn: new Date() } as never]),
    ).toThrow('Note has no property "sentOn"');
  });
});
