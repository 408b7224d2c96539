/** The ops screen's calls: queues, failed jobs, the outbox, paused webhooks. */
import { answer, client } from './api';
import type { Schemas } from './types';

export type Queue = Schemas['Queue'];
export type QueueName = Queue['name'];
export type Job = Schemas['Job'];
export type OutboxStatus = Schemas['OutboxStatus'];
export type WebhookSubscription = Schemas['WebhookSubscription'];

export async function fetchQueues(): Promise<Queue[]> {
  return answer<Queue[]>(client.GET('/api/ops/queues'));
}

export async function fetchFailedJobs(name: QueueName): Promise<Job[]> {
  return answer<Job[]>(
    client.GET('/api/ops/queues/{name}/failed', {
      params: { path: { name }, query: { limit: 50 } },
    }),
  );
}

export async function retryJob(name: QueueName, id: string): Promise<Job> {
  return answer<Job>(
    client.POST('/api/ops/queues/{name}/jobs/{id}/retry', { params: { path: { name, id } } }),
  );
}

export async function retryFailedJobs(name: QueueName): Promise<Schemas['RetriedJobs']> {
  return answer<Schemas['RetriedJobs']>(
    client.POST('/api/ops/queues/{name}/retry-failed', { params: { path: { name } } }),
  );
}

export async function fetchOutbox(): Promise<OutboxStatus> {
  return answer<OutboxStatus>(client.GET('/api/ops/outbox'));
}

export async function fetchWebhooks(): Promise<WebhookSubscription[]> {
  return answer<WebhookSubscription[]>(client.GET('/api/webhooks'));
}

export async function resumeWebhook(id: string): Promise<WebhookSubscription> {
  return answer<WebhookSubscription>(
    client.POST('/api/webhooks/{id}/resume', { params: { path: { id } } }),
  );
}
