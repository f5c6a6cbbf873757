/** The API's records as the pages read them (docs/server.md); only the fields the app uses. */

export type EntityKind = 'city' | 'district' | 'park' | 'community' | 'cluster';
export type DocumentKind = 'inventory' | 'pathway' | 'plan' | 'tracking' | 'cluster' | 'district';
export type Role = 'editor' | 'viewer' | 'coordinator';

export interface Entity {
  readonly id: string;
  readonly slug: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly nameZh: string | null;
  readonly country: string;
  readonly parentId: string | null;
}

export interface Network {
  readonly id: string;
  readonly slug: string;
  readonly kind: string;
  readonly name: string;
  readonly nameZh: string | null;
}

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly admin: boolean;
}

export interface Grant {
  readonly userId: string;
  readonly role: Role;
  readonly entityId: string | null;
  readonly networkId: string | null;
}

export interface StoredDocument {
  readonly id: string;
  readonly entityId: string;
  readonly kind: DocumentKind;
  readonly name: string;
  readonly currentVersion: number;
  readonly publishedVersion: number | null;
  readonly updatedAt: string;
}

export interface DocumentVersion {
  readonly documentId: string;
  readonly version: number;
  readonly body: Record<string, unknown>;
  readonly comment: string;
  readonly authorId: string | null;
  readonly createdAt: string;
}
