import type { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Section, type ApprovalStep } from '@newsdesk/editorial';
import { Passwords, User, type Role } from '@newsdesk/identity';

export const PASSWORD = 'secret-password';
const hash = Passwords.hash(PASSWORD);
const unique = () => randomUUID().slice(0, 8);

/** A user with the given roles and a unique email; password {@link PASSWORD}. */
export async function makeUser(
  orm: MikroORM,
  roles: Role[],
  name = `Test ${roles.join('+')}`,
): Promise<User> {
  const em = orm.em.fork();
  const user = em.create(User, {
    email: `${roles.join('-')}-${unique()}@newsdesk.test`,
    name,
    roles,
    passwordHash: await hash,
  });
  await em.flush();
  return user;
}

/**
 * A section with a unique slug, so that tests do not share listings; with the
 * given approval steps (`[{key, label, roles}]`, in order), or the default single review.
 */
export async function makeSection(
  orm: MikroORM,
  name = 'Smart City',
  approvalSteps?: ApprovalStep[],
): Promise<Section> {
  const em = orm.em.fork();
  const section = em.create(Section, {
    slug: `test-${unique()}`,
    name,
    ...(approvalSteps ? { approvalSteps } : {}),
  });
  await em.flush();
  return section;
}

/** A draft's fields that pass every publish check. */
export function makeDraft(
  section: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    section,
    kicker: 'Arnsberg',
    headline: `Smarte Abfallbehälter melden ihren Füllstand ${unique()}`,
    teaser:
      'Sensoren in 400 Behältern sparen der Stadt jede Woche zwei Leerungsfahrten – und viel Diesel.',
    body: [
      {
        type: 'paragraph',
        text: 'Die Stadt Arnsberg hat 400 Abfallbehälter mit Füllstandssensoren ausgestattet.',
      },
      {
        type: 'quote',
        text: '„Wir fahren nur noch, wo es nötig ist.“',
        attribution: 'Eva Beispiel, Bauhof',
      },
    ],
    format: 'news',
    tags: ['Sensorik', 'Abfall'],
    ...overrides,
  };
}
