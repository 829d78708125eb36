// The cast every preview starts with: 8 teams (one with a name long enough to test layouts) and 16 named
// users, of whom 2 are anonymous and 10 verified, in 29 team memberships. They sign up in the first days
// of history, so they are the "old hands" at the top of every list.
import type { AuthMethodSpec } from './person.js';

export const TEAM_KEYS = ['acme', 'globex', 'initech', 'umbrella', 'stark', 'hooli', 'pied-piper', 'long'] as const;
export type TeamKey = (typeof TEAM_KEYS)[number];

export interface HandWrittenTeam {
  key: TeamKey;
  displayName: string;
  profileImageUrl: string | null;
  clientMetadata: Record<string, unknown> | null;
}

export const HAND_WRITTEN_TEAMS: readonly HandWrittenTeam[] = [
  {
    key: 'acme',
    displayName: 'Acme Corp',
    profileImageUrl: 'https://avatars.githubusercontent.com/u/3152911',
    clientMetadata: { plan: 'business' },
  },
  { key: 'globex', displayName: 'Globex Engineering', profileImageUrl: null, clientMetadata: null },
  {
    key: 'initech',
    displayName: 'Initech',
    profileImageUrl: 'https://avatars.githubusercontent.com/u/5287094',
    clientMetadata: null,
  },
  { key: 'umbrella', displayName: 'Umbrella Research Lab', profileImageUrl: null, clientMetadata: { region: 'eu' } },
  {
    key: 'stark',
    displayName: 'Stark Industries',
    profileImageUrl: 'https://avatars.githubusercontent.com/u/9919',
    clientMetadata: null,
  },
  { key: 'hooli', displayName: 'Hooli XYZ', profileImageUrl: null, clientMetadata: null },
  {
    key: 'pied-piper',
    displayName: 'Pied Piper',
    profileImageUrl: 'https://avatars.githubusercontent.com/u/1342004',
    clientMetadata: { plan: 'startup' },
  },
  {
    key: 'long',
    displayName:
      'The Interdisciplinary Working Group for Cross-Functional Platform Reliability, Observability and Developer Experience (EMEA & APAC)',
    profileImageUrl: null,
    clientMetadata: null,
  },
];

export interface HandWrittenUser {
  displayName: string | null;
  email: string;
  city: string;
  verified: boolean;
  anonymous: boolean;
  /** Day of history (0 = the first) the user signed up on. */
  signUpDay: number;
  profileImageUrl: string | null;
  authMethods: readonly AuthMethodSpec[];
  teams: readonly TeamKey[];
}

const password: AuthMethodSpec = { kind: 'password', oauthProvider: null };
const otp: AuthMethodSpec = { kind: 'otp', oauthProvider: null };
const passkey: AuthMethodSpec = { kind: 'passkey', oauthProvider: null };
const google: AuthMethodSpec = { kind: 'oauth', oauthProvider: 'google' };
const github: AuthMethodSpec = { kind: 'oauth', oauthProvider: 'github' };
const microsoft: AuthMethodSpec = { kind: 'oauth', oauthProvider: 'microsoft' };

const avatar = (n: number): string => `https://avatars.githubusercontent.com/u/${n}`;

// Home cities cover the 8 live-user countries (US, GB, DE, JP, AU, IN, BR, CA), so live users can always
// be people who live there, even in the tiny size.
export const HAND_WRITTEN_USERS: readonly HandWrittenUser[] = [
  {
    displayName: 'Ava Thompson',
    email: 'ava.thompson@example.com',
    city: 'New York',
    verified: true,
    anonymous: false,
    signUpDay: 0,
    profileImageUrl: avatar(1024025),
    authMethods: [github, password],
    teams: ['acme', 'pied-piper', 'long'],
  },
  {
    displayName: 'Liam Carter',
    email: 'liam.carter@example.com',
    city: 'San Francisco',
    verified: true,
    anonymous: false,
    signUpDay: 0,
    profileImageUrl: avatar(810438),
    authMethods: [google],
    teams: ['acme', 'hooli', 'long'],
  },
  {
    displayName: 'Priya Raman',
    email: 'priya.raman@example.org',
    city: 'Bengaluru',
    verified: true,
    anonymous: false,
    signUpDay: 0,
    profileImageUrl: null,
    authMethods: [password, passkey],
    teams: ['globex', 'initech'],
  },
  {
    displayName: 'Oliver Bennett',
    email: 'oliver.bennett@example.co.uk',
    city: 'London',
    verified: true,
    anonymous: false,
    signUpDay: 1,
    profileImageUrl: avatar(6154722),
    authMethods: [microsoft],
    teams: ['umbrella', 'stark'],
  },
  {
    displayName: 'Hannah Schmidt',
    email: 'hannah.schmidt@example.de',
    city: 'Berlin',
    verified: true,
    anonymous: false,
    signUpDay: 1,
    profileImageUrl: null,
    authMethods: [password, otp],
    teams: ['globex', 'long'],
  },
  {
    displayName: 'Yuki Tanaka',
    email: 'yuki.tanaka@example.jp',
    city: 'Tokyo',
    verified: true,
    anonymous: false,
    signUpDay: 1,
    profileImageUrl: avatar(1500684),
    authMethods: [github],
    teams: ['initech', 'pied-piper'],
  },
  {
    displayName: 'Chloé Martin',
    email: 'chloe.martin@example.ca',
    city: 'Toronto',
    verified: true,
    anonymous: false,
    signUpDay: 2,
    profileImageUrl: avatar(4921183),
    authMethods: [google],
    teams: ['hooli', 'acme'],
  },
  {
    displayName: 'Lucas Silva',
    email: 'lucas.silva@example.com.br',
    city: 'São Paulo',
    verified: true,
    anonymous: false,
    signUpDay: 2,
    profileImageUrl: null,
    authMethods: [password],
    teams: ['stark', 'umbrella'],
  },
  {
    displayName: 'Mia Wilson',
    email: 'mia.wilson@example.com.au',
    city: 'Sydney',
    verified: true,
    anonymous: false,
    signUpDay: 2,
    profileImageUrl: avatar(2918581),
    authMethods: [google],
    teams: ['pied-piper', 'globex'],
  },
  {
    displayName: 'Camille Dubois',
    email: 'camille.dubois@example.fr',
    city: 'Paris',
    verified: true,
    anonymous: false,
    signUpDay: 3,
    profileImageUrl: null,
    authMethods: [otp],
    teams: ['umbrella', 'long'],
  },
  {
    displayName: 'Noah Garcia',
    email: 'noah.garcia@example.net',
    city: 'Austin',
    verified: false,
    anonymous: false,
    signUpDay: 3,
    profileImageUrl: avatar(7014301),
    authMethods: [password],
    teams: ['acme', 'stark'],
  },
  {
    displayName: 'Sofía Álvarez',
    email: 'sofia.alvarez@example.es',
    city: 'Madrid',
    verified: false,
    anonymous: false,
    signUpDay: 3,
    profileImageUrl: null,
    authMethods: [github],
    teams: ['initech', 'hooli'],
  },
  {
    displayName: 'Arjun Mehta',
    email: 'arjun.mehta@example.in',
    city: 'Mumbai',
    verified: false,
    anonymous: false,
    signUpDay: 4,
    profileImageUrl: null,
    authMethods: [otp],
    teams: ['globex', 'long'],
  },
  {
    displayName: 'Emma de Vries',
    email: 'emma.devries@example.nl',
    city: 'Amsterdam',
    verified: false,
    anonymous: false,
    signUpDay: 4,
    profileImageUrl: avatar(3369400),
    authMethods: [password],
    teams: ['umbrella'],
  },
  {
    displayName: null,
    email: 'anonymous-1@anonymous.example.com',
    city: 'Seattle',
    verified: false,
    anonymous: true,
    signUpDay: 5,
    profileImageUrl: null,
    authMethods: [],
    teams: [],
  },
  {
    displayName: null,
    email: 'anonymous-2@anonymous.example.com',
    city: 'Chicago',
    verified: false,
    anonymous: true,
    signUpDay: 6,
    profileImageUrl: null,
    authMethods: [],
    teams: [],
  },
];
