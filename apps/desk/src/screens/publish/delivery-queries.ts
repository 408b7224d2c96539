/**
 * The delivery receipt of the publish screen. Filed below the story, so a
 * transition (a correction, a kill) refreshes it; `delivery.progressed` on
 * the stream refreshes it alone, step by step.
 */
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/queries';
import * as api from '../../api/review';
import type { Story } from '../../api/types';

/** Stories that have (or had) a public version: the others have no receipt (404). */
const hasReceipt = (story: Story) =>
  Boolean(story.publishedAt) ||
  story.status === 'published' ||
  story.status === 'unpublished' ||
  story.status === 'killed';

export function useDeliveryReceipt(story: Story) {
  return useQuery({
    queryKey: queryKeys.storyDelivery(story.id),
    queryFn: () => api.fetchDeliveryReceipt(story.id),
    enabled: hasReceipt(story),
  });
}
