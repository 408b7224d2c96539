/** The admin screen's calls: users, API tokens, sections (`/api/admin/*`). */
import { answer, client } from './api';
import type { Schemas } from './types';

export type AdminUser = Schemas['AdminUser'];
export type InitialPassword = Schemas['InitialPassword'];
export type ApiToken = Schemas['ApiToken'];
export type NewApiToken = Schemas['NewApiToken'];
export type AdminSection = Schemas['Section'];
export type ApprovalStep = Schemas['ApprovalStep'];
export type ContentProfile = Schemas['ContentProfile'];
export type UpdateUser = Schemas['UpdateUserBody'];
export type SectionUpdate = Schemas['SectionUpdateBody'];

export async function fetchUsers(): Promise<AdminUser[]> {
  return answer<AdminUser[]>(client.GET('/api/admin/users'));
}

export async function inviteUser(body: Schemas['CreateUserBody']): Promise<InitialPassword> {
  return answer<InitialPassword>(client.POST('/api/admin/users', { body }));
}

export async function updateUser(id: string, body: Schemas['UpdateUserBody']): Promise<AdminUser> {
  return answer<AdminUser>(
    client.PATCH('/api/admin/users/{id}', { params: { path: { id } }, body }),
  );
}

export async function resetPassword(id: string): Promise<InitialPassword> {
  return answer<InitialPassword>(
    client.POST('/api/admin/users/{id}/reset-password', { params: { path: { id } }, body: {} }),
  );
}

export async function fetchTokens(): Promise<ApiToken[]> {
  return answer<ApiToken[]>(client.GET('/api/admin/api-tokens'));
}

export async function createToken(body: Schemas['CreateApiTokenBody']): Promise<NewApiToken> {
  return answer<NewApiToken>(client.POST('/api/admin/api-tokens', { body }));
}

export async function revokeToken(id: string): Promise<void> {
  await answer<unknown>(client.DELETE('/api/admin/api-tokens/{id}', { params: { path: { id } } }));
}

/** Every section, archived ones included, with its approval steps and effective profile. */
export async function fetchAdminSections(): Promise<AdminSection[]> {
  return answer<AdminSection[]>(client.GET('/api/sections'));
}

export async function createSection(body: Schemas['CreateSectionBody']): Promise<AdminSection> {
  return answer<AdminSection>(client.POST('/api/admin/sections', { body }));
}

export async function updateSection(
  slug: string,
  body: Schemas['SectionUpdateBody'],
): Promise<AdminSection> {
  return answer<AdminSection>(
    client.PATCH('/api/admin/sections/{slug}', { params: { path: { slug } }, body }),
  );
}
