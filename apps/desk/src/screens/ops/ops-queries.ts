/**
 * The ops screen's part of the query cache. Queues and the outbox are not on
 * the live stream, so these queries refresh every 5 s while the screen is
 * shown (TanStack Query pauses them while the tab is hidden).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as api from '../../api/ops';
import type { QueueName } from '../../api/ops';

export const REFRESH_MS = 5_000;

export const opsKeys = {
  all: ['ops'] as const,
  queues: ['ops', 'queues'] as const,
  failed: (name: QueueName) => ['ops', 'failed', name] as const,
  outbox: ['ops', 'outbox'] as const,
  webhooks: ['ops', 'webhooks'] as const,
};

const live = { refetchInterval: REFRESH_MS, staleTime: 0 } as const;

export function useQueues() {
  return useQuery({ queryKey: opsKeys.queues, queryFn: api.fetchQueues, ...live });
}

export function useFailedJobs(name: QueueName, enabled: boolean) {
  return useQuery({
    queryKey: opsKeys.failed(name),
    queryFn: () => api.fetchFailedJobs(name),
    enabled,
    ...live,
  });
}

export function useOutbox() {
  return useQuery({ queryKey: opsKeys.outbox, queryFn: api.fetchOutbox, ...live });
}

export function useWebhooks() {
  return useQuery({ queryKey: opsKeys.webhooks, queryFn: api.fetchWebhooks, ...live });
}

/** Sends one failed job (`id`) or all failed jobs of a queue back to waiting. */
export function useRetry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ queue, id }: { queue: QueueName; id?: string }): Promise<void> => {
      if (id) await api.retryJob(queue, id);
      else await api.retryFailedJobs(queue);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: opsKeys.all }),
  });
}

export function useResumeWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.resumeWebhook(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: opsKeys.webhooks }),
  });
}
