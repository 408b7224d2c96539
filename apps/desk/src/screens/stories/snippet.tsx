import { Fragment } from 'react';
import styles from './stories.module.css';

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const unescape = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/**
 * A search hit's snippet. The API sends escaped text whose only markup is
 * `<mark>` around the words found; it is taken apart into text and marks here
 * rather than handed to the DOM as HTML.
 */
export function Snippet({ html }: { html: string }) {
  const parts = html.split(/<mark>(.*?)<\/mark>/g);
  return (
    <p className={styles.snippet}>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <mark key={i}>{unescape(part)}</mark>
        ) : (
          <Fragment key={i}>{unescape(part)}</Fragment>
        ),
      )}
    </p>
  );
}
