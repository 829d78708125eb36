// Names, addresses and avatars for generated users, from faker's English data driven by our PRNG.
import type { Faker, LocaleDefinition, Randomizer } from '@faker-js/faker';
import { faker as englishFaker } from '@faker-js/faker/locale/en';
import type { Random } from './random.js';

// The package's main entry loads all ~70 locales (slow at start-up); the English entry loads one but
// only exports a ready-made shared instance. Borrow its class and data to build a private instance.
type FakerConstructor = new (options: { locale: LocaleDefinition; randomizer: Randomizer }) => Faker;
const FakerClass = englishFaker.constructor as unknown as FakerConstructor;

const NAMELESS_SHARE = 0.06;
const AVATAR_SHARE = 0.45;

export interface FakeIdentity {
  displayName: string | null;
  email: string;
  profileImageUrl: string | null;
}

/** Faker drawing from `random`, so a generation has one seeded sequence and no global state. */
export function createFaker(random: Random): Faker {
  const randomizer: Randomizer = {
    next: () => random.float(),
    seed: () => {
      throw new Error('seed the generation, not faker');
    },
  };
  return new FakerClass({ locale: englishFaker.rawDefinitions, randomizer });
}

/** `takenEmails` keeps auth emails unique per project, as the contact_channels index demands. */
export function fakeIdentity(faker: Faker, random: Random, takenEmails: Set<string>): FakeIdentity {
  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();
  let email = faker.internet.email({ firstName, lastName }).toLowerCase();
  if (takenEmails.has(email)) {
    const [local, domain] = email.split('@') as [string, string];
    for (let n = 2; takenEmails.has(email); n += 1) email = `${local}${n}@${domain}`;
  }
  takenEmails.add(email);
  return {
    displayName: random.chance(NAMELESS_SHARE) ? null : `${firstName} ${lastName}`,
    email,
    profileImageUrl: random.chance(AVATAR_SHARE) ? faker.image.avatarGitHub() : null,
  };
}
