// A contact-channel patch as columns, checked as create checks a channel: the channel's resulting type and
// value must satisfy ChannelValue, so `{ type: 'PHONE' }` cannot turn an email address into a phone number,
// and an email is stored in lower case (auth addresses are unique case-insensitively).
import type { z } from 'zod';
import { ChannelValue, type UpdateContactChannel } from '../../contract/admin.js';
import type { ContactChannelFields, ContactChannelRecord } from '../db/contact-channels.js';

export type ChannelChanges =
  { ok: true; fields: Partial<ContactChannelFields> } | { ok: false; field: 'value'; message: string };

export function contactChannelChanges(
  current: Pick<ContactChannelRecord, 'type' | 'value'>,
  body: z.infer<typeof UpdateContactChannel>,
): ChannelChanges {
  const fields: Partial<ContactChannelFields> = {};
  if (body.type !== undefined || body.value !== undefined) {
    const parsed = ChannelValue.safeParse({ type: body.type ?? current.type, value: body.value ?? current.value });
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? 'is invalid';
      return {
        ok: false,
        field: 'value',
        message: body.value === undefined ? `${message} for type ${body.type}` : message,
      };
    }
    if (body.type !== undefined) fields.type = parsed.data.type;
    if (body.value !== undefined) fields.value = parsed.data.value;
  }
  if (body.is_primary !== undefined) fields.isPrimary = body.is_primary;
  if (body.is_verified !== undefined) fields.isVerified = body.is_verified;
  if (body.used_for_auth !== undefined) fields.usedForAuth = body.used_for_auth;
  return { ok: true, fields };
}
