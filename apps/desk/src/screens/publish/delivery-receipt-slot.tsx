import type { Story } from '../../api/types';

/**
 * Where the delivery receipt of a published story goes (which channels got it,
 * when, what failed). An empty seam: the next issue fills it; until then it
 * renders nothing.
 */
export function DeliveryReceiptSlot(_props: { story: Story }) {
  return null;
}
