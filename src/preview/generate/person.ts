// Who a generated user is: the types people.ts draws and the later stages (activity, emails, payments,
// visits) read. Types only, so every stage can import them without importing the generator.
import type { IpInfo } from '../../events/event-rows.js';
import type { Device } from './site.js';

export type AuthMethodKind = 'password' | 'otp' | 'passkey' | 'oauth';

export interface AuthMethodSpec {
  kind: AuthMethodKind;
  oauthProvider: string | null;
}

export interface Person {
  /** Position in dataset.users; the key of every id derived from the user. */
  index: number;
  id: string;
  displayName: string | null;
  email: string;
  emailVerified: boolean;
  isAnonymous: boolean;
  profileImageUrl: string | null;
  cityIndex: number;
  /** Home connection: every event of the user carries it (live events may travel, see live.ts). */
  ipInfo: IpInfo;
  device: Device;
  refreshTokenIds: string[];
  signedUpAtMs: number;
  signUpDay: number;
  returns: boolean;
  engagement: number;
  authMethods: AuthMethodSpec[];
  /** Latest `$token-refresh`; maintained by activity.ts and live.ts. */
  lastActiveAtMs: number;
}
