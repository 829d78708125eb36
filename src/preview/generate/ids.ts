// Deterministic ids: a v4-shaped UUID from the sha256 of a namespaced string. The project id is part of
// every name, so two preview projects never share an id, and a reseed of one project reproduces its ids
// (the writers upsert by them).
import { createHash } from 'node:crypto';

export type IdKind =
  | 'user'
  | 'contact-channel'
  | 'auth-method'
  | 'refresh-token'
  | 'team'
  | 'email'
  | 'session-replay'
  | 'subscription'
  | 'invoice'
  | 'one-time-purchase';

export type IdFactory = (kind: IdKind, key: string | number) => string;

export function createIdFactory(projectId: string, seed: string): IdFactory {
  return (kind, key) => uuidFromName(`${projectId}:${seed}:${kind}:${key}`);
}

export function uuidFromName(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  // Version nibble 4 and variant bits 10xx, so validators that insist on RFC 4122 v4 accept the id.
  const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
