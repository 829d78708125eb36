// API keys: 256 random bits, shown once, stored as a SHA-256 hash.
import crypto from 'node:crypto';
import type { ApiKeyKind } from '../db/schema/index.js';

const KEY_BYTES = 32;
const KEY_PATTERN = /^pulse_(admin|ingest)_[A-Za-z0-9_-]{43}$/;

export function generateApiKey(kind: ApiKeyKind): string {
  // The kind in the prefix makes a leaked key easy to recognise and to scan for.
  return `pulse_${kind}_${crypto.randomBytes(KEY_BYTES).toString('base64url')}`;
}

export function hashApiKey(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}

/** Cheap shape check before touching the database. */
export function looksLikeApiKey(secret: string): boolean {
  return KEY_PATTERN.test(secret);
}
