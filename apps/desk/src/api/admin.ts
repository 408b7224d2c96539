/** The admin screen's calls: users, API tokens, sections (`/api/admin/*`). */
import { answer } from './api';
import { contractClient as client, type Schema } from './contract';

export type AdminUser = Schema<'AdminUser'>;
export type InitialPassword = Schema<'InitialPassword'>;
export type ApiToken = Schema<'ApiToken'>;
export type NewApiToken = Schema<'NewApiToken'>;
export type AdminSection = Schema<'Section'>;
export type ApprovalStep = Schema<'ApprovalStep'>;
export type ContentProfile = Schema<'ContentProfile'>;
export type UpdateUser = Schema<'UpdateUserBody'>;
export type SectionUpdate = Schema<'SectionUpdateBody'>;

export async function fetchUsers(): Promise<AdminUser[]> {
  return answer<AdminUser[]>(client.GET('/api/admin/users'));
}

export async function inviteUser(body: Schema<'CreateUserBody'>): Promise<InitialPassword> {
  return answer<InitialPassword>(client.POST('/api/admin/users', { body }));
}

export async function updateUser(id: string, body: Schema<'UpdateUserBody'>): Promise<AdminUser> {
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

export async function createToken(body: Schema<'CreateApiTokenBody'>): Promise<NewApiToken> {
  return answer<NewApiToken>(client.POST('/api/admin/api-tokens', { body }));
}

export async function revokeToken(id: string): Promise<void> {
  await answer<unknown>(client.DELETE('/api/admin/api-tokens/{id}', { params: { path: { id } } }));
}

/** Every section, archived ones included, with its approval steps and effective profile. */
export async function fetchAdminSections(): Promise<AdminSection[]> {
  return answer<AdminSection[]>(client.GET('/api/sections'));
}

export async function createSection(body: Schema<'CreateSectionBody'>): Promise<AdminSection> {
  return answer<AdminSection>(client.POST('/api/admin/sections', { body }));
}

export async function updateSection(
  slug: string,
  body: Schema<'SectionUpdateBody'>,
): Promise<AdminSection> {
  return answer<AdminSection>(
    client.PATCH('/api/admin/sections/{slug}', { params: { path: { slug } }, body }),
  );
}
