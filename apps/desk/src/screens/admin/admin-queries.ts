/** The admin screen's part of the query cache: users, API tokens, sections. */
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import * as api from '../../api/admin';
import { queryKeys } from '../../api/queries';

export const adminKeys = {
  users: ['admin', 'users'] as const,
  tokens: ['admin', 'tokens'] as const,
  sections: ['admin', 'sections'] as const,
};

export const useUsers = () => useQuery({ queryKey: adminKeys.users, queryFn: api.fetchUsers });
export const useTokens = () => useQuery({ queryKey: adminKeys.tokens, queryFn: api.fetchTokens });
export const useAdminSections = () =>
  useQuery({ queryKey: adminKeys.sections, queryFn: api.fetchAdminSections });

/** A mutation that makes `keys` stale once it is done, whatever the answer. */
export function useAdminChange<Input, Output>(
  change: (input: Input) => Promise<Output>,
  keys: QueryKey[],
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSettled: () =>
      Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

/** Section changes also change what every screen knows of sections. */
export const SECTION_KEYS: QueryKey[] = [adminKeys.sections, queryKeys.sections];
