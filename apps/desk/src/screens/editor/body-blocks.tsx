import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyBlockType } from '../../api/types';
import { emptyBlock, type BlockDraft } from './draft';
import styles from './editor.module.css';

type Action = 'up' | 'down' | 'remove' | 'text';

/**
 * The body as blocks: each one edited in place, moved with buttons (which keep
 * the keyboard focus on the block that moved) and removed; new ones added at
 * the end, of the types the section's profile allows.
 */
export function BodyBlocks({
  blocks,
  allowed,
  onChange,
  problems,
}: {
  blocks: BlockDraft[];
  allowed: readonly BodyBlockType[];
  onChange: (blocks: BlockDraft[]) => void;
  /** Messages of the publish checks by block index (`body[i]`), and for the body as a whole (-1). */
  problems: Map<number, string>;
}) {
  const { t } = useTranslation();
  const focusNext = useRef<{ key: string; action: Action } | null>(null);

  useEffect(() => {
    const next = focusNext.current;
    if (!next) return;
    focusNext.current = null;
    const wanted = document.getElementById(`${next.key}-${next.action}`);
    const target =
      wanted && !(wanted as HTMLButtonElement).disabled
        ? wanted
        : document.getElementById(`${next.key}-text`);
    target?.focus();
  });

  const update = (index: number, patch: Partial<BlockDraft>) =>
    onChange(blocks.map((b, i) => (i === index ? ({ ...b, ...patch } as BlockDraft) : b)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...blocks];
    const [block] = next.splice(index, 1);
    if (!block) return;
    next.splice(index + by, 0, block);
    focusNext.current = { key: block.key, action: by < 0 ? 'up' : 'down' };
    onChange(next);
  };
  const remove = (index: number) => {
    const neighbour = blocks[index + 1] ?? blocks[index - 1];
    if (neighbour) focusNext.current = { key: neighbour.key, action: 'text' };
    onChange(blocks.filter((_, i) => i !== index));
  };
  const add = (type: BodyBlockType) => {
    const block = emptyBlock(type);
    focusNext.current = { key: block.key, action: 'text' };
    onChange([...blocks, block]);
  };
  const whole = problems.get(-1);

  return (
    <fieldset className={styles.body} aria-describedby={whole ? 'editor-body-check' : undefined}>
      <legend id="editor-body" tabIndex={-1}>
        {t('editor.body')}
      </legend>
      {whole && (
        <p id="editor-body-check" className={styles.problem}>
          {whole}
        </p>
      )}
      <ol className={styles.blocks}>
        {blocks.map((block, index) => {
          const name = t('editor.blockName', {
            number: index + 1,
            type: t(`editor.blockTypes.${block.type}`),
          });
          const problem = problems.get(index);
          const checkId = `${block.key}-check`;
          const text = (
            label: string,
            value: string,
            patch: (v: string) => Partial<BlockDraft>,
            rows = 3,
          ) => (
            <label className="field">
              {label}
              <textarea
                id={`${block.key}-text`}
                data-field={`body[${index}]`}
                rows={rows}
                value={value}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? checkId : undefined}
                onChange={(e) => update(index, patch(e.target.value))}
              />
            </label>
          );
          return (
            <li key={block.key} className={styles.block}>
              <fieldset>
                <legend>{name}</legend>
                {problem && (
                  <p id={checkId} className={styles.problem}>
                    {problem}
                  </p>
                )}
                {block.type === 'paragraph' &&
                  text(t('editor.blockText'), block.text, (v) => ({ text: v }), 4)}
                {block.type === 'heading' && (
                  <div className={styles.row}>
                    {text(t('editor.blockText'), block.text, (v) => ({ text: v }), 1)}
                    <label className="field">
                      {t('editor.headingLevel')}
                      <select
                        value={block.level}
                        onChange={(e) =>
                          update(index, { level: Number(e.target.value) === 3 ? 3 : 2 })
                        }
                      >
                        <option value={2}>H2</option>
                        <option value={3}>H3</option>
                      </select>
                    </label>
                  </div>
                )}
                {block.type === 'quote' && (
                  <>
                    {text(t('editor.quoteText'), block.text, (v) => ({ text: v }))}
                    <label className="field">
                      {t('editor.attribution')}
                      <input
                        value={block.attribution ?? ''}
                        onChange={(e) => update(index, { attribution: e.target.value })}
                      />
                    </label>
                  </>
                )}
                {block.type === 'image' && (
                  <>
                    <label className="field">
                      {t('editor.imageId')}
                      <input
                        id={`${block.key}-text`}
                        value={block.imageId}
                        onChange={(e) => update(index, { imageId: e.target.value.trim() })}
                      />
                    </label>
                    <label className="field">
                      {t('editor.caption')}
                      <input
                        value={block.caption ?? ''}
                        onChange={(e) => update(index, { caption: e.target.value })}
                      />
                    </label>
                  </>
                )}
                {block.type === 'embed' && (
                  <>
                    <label className="field">
                      {t('editor.embedUrl')}
                      <input
                        id={`${block.key}-text`}
                        type="url"
                        value={block.url}
                        onChange={(e) => update(index, { url: e.target.value })}
                      />
                    </label>
                    <label className="field">
                      {t('editor.caption')}
                      <input
                        value={block.caption ?? ''}
                        onChange={(e) => update(index, { caption: e.target.value })}
                      />
                    </label>
                  </>
                )}
                <div className={styles.blockActions}>
                  <button
                    type="button"
                    id={`${block.key}-up`}
                    className="button quiet"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    <span aria-hidden="true">↑ </span>
                    {t('editor.up')}
                    <span className="visually-hidden"> – {name}</span>
                  </button>
                  <button
                    type="button"
                    id={`${block.key}-down`}
                    className="button quiet"
                    disabled={index === blocks.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    <span aria-hidden="true">↓ </span>
                    {t('editor.down')}
                    <span className="visually-hidden"> – {name}</span>
                  </button>
                  <button type="button" className="button quiet" onClick={() => remove(index)}>
                    {t('editor.remove')}
                    <span className="visually-hidden"> – {name}</span>
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className={styles.addBlocks} role="group" aria-label={t('editor.addBlock')}>
        {allowed.map((type) => (
          <button key={type} type="button" className="button" onClick={() => add(type)}>
            + {t(`editor.blockTypes.${type}`)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
