// Rows of the synced Postgres tables in Drizzle's insert shape (camelCase, Date): what the preview
// generator produces and the mirror-row builders (src/sync/mirror-rows.ts) read.

export type Json = Record<string, unknown> | null;
export interface Scoped {
  projectId: string;
  branchId: string;
}

export interface UserRow extends Scoped {
  id: string;
  displayName: string | null;
  profileImageUrl: string | null;
  isAnonymous: boolean;
  signedUpAt: Date;
  lastActiveAt: Date | null;
  clientMetadata: Json;
  clientReadOnlyMetadata: Json;
  serverMetadata: Json;
  restrictedByAdmin: boolean;
  restrictedByAdminReason: string | null;
  restrictedByAdminPrivateDetails: string | null;
}

export interface ContactChannelRow extends Scoped {
  id: string;
  userId: string;
  type: 'EMAIL' | 'PHONE';
  value: string;
  isPrimary: boolean;
  isVerified: boolean;
  usedForAuth: boolean;
  createdAt: Date;
}

export interface TeamRow extends Scoped {
  id: string;
  displayName: string;
  profileImageUrl: string | null;
  createdAt: Date;
  clientMetadata: Json;
  clientReadOnlyMetadata: Json;
  serverMetadata: Json;
}

export interface TeamMemberRow extends Scoped {
  teamId: string;
  userId: string;
  displayName: string | null;
  createdAt: Date;
}
