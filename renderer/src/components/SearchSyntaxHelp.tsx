import { useEffect, useRef, type KeyboardEvent } from 'react';

interface Props {
  onExample: (query: string) => void;
  onClose: () => void;
}

interface SyntaxRow {
  syntax: readonly string[];
  meaning: string;
  examples: readonly string[];
}

const rows: readonly SyntaxRow[] = [
  { syntax: ['words'], meaning: 'Every word somewhere in title, authors, tags, venue or abstract; typos and word starts match', examples: ['reinforcment lerning'] },
  { syntax: ['"phrase"'], meaning: 'These words together, in this order', examples: ['"large language model"'] },
  { syntax: ['-word'], meaning: 'Leave out papers with the word (or phrase)', examples: ['agents -survey'] },
  { syntax: ['a OR b'], meaning: 'Either one (OR in capitals)', examples: ['rlhf OR dpo'] },
  { syntax: ['title:', 'author:', 'venue:', 'abstract:'], meaning: 'A word or "phrase" in that field only', examples: ['title:diffusion', 'author:silver', 'venue:"ICML"'] },
  { syntax: ['tag:', '-tag:'], meaning: 'With or without a tag (tag:method also finds method/…)', examples: ['tag:to-read', '-tag:excluded'] },
  { syntax: ['year:'], meaning: 'A year, a range, or a bound (>= > <= <)', examples: ['year:2023', 'year:2020..2024', 'year:>=2022'] },
  { syntax: ['status:'], meaning: 'Read status: unread, reading, read', examples: ['status:unread'] },
  { syntax: ['decision:'], meaning: 'Screening: include, maybe, exclude, undecided', examples: ['decision:include'] },
  { syntax: ['has:'], meaning: 'Has a PDF, notes, an abstract or annotations', examples: ['has:pdf', 'has:notes'] },
  { syntax: ['fulltext:'], meaning: 'Text inside the attached PDFs', examples: ['fulltext:"ablation study"'] },
];

/**
 * The query language at a glance, beside the search box. Clicking an example puts it in the box.
 * Not modal: Esc or a click elsewhere closes it.
 */
export function SearchSyntaxHelp({ onExample, onClose }: Props) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    panel.current?.focus();
    return () => {
      const now = document.activeElement;
      if ((now === null || now === document.body || !now.isConnected) && previous?.isConnected) previous.focus();
    };
  }, []);
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target;
      if (!(target instanceof Node) || panel.current?.contains(target)) return;
      // The ? button toggles the panel itself.
      if (target instanceof Element && target.closest('[data-testid="syntax-help-button"]')) return;
      onClose();
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <div ref={panel} className="syntax-help" data-testid="syntax-help" role="dialog" aria-label="Search syntax" tabIndex={-1} onKeyDown={onKeyDown}>
      <header className="syntax-help-header">
        <h2 className="syntax-help-title">Search syntax</h2>
        <button type="button" className="icon-button" aria-label="Close search syntax" onClick={onClose}>
          ×
        </button>
      </header>
      <table className="syntax-table">
        <thead>
          <tr>
            <th scope="col">Write</th>
            <th scope="col">Finds</th>
            <th scope="col">Try</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.syntax.join(' ')}>
              <td className="syntax-codes">
                {row.syntax.map((syntax) => (
                  <code key={syntax} className="syntax-code">
                    {syntax}
                  </code>
                ))}
              </td>
              <td className="syntax-meaning">{row.meaning}</td>
              <td>
                <div className="syntax-examples">
                  {row.examples.map((example) => (
                    <button
                      key={example}
                      type="button"
                      className="syntax-example"
                      data-testid="syntax-example"
                      title="Search for this"
                      onClick={() => onExample(example)}
                    >
                      {example}
                    </button>
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="syntax-help-footer">
        Terms combine with AND. <kbd>Ctrl</kbd>+<kbd>Space</kbd> suggests fields, tags and venues; <kbd>↑</kbd> <kbd>↓</kbd> choose,{' '}
        <kbd>Tab</kbd> or <kbd>Enter</kbd> accepts, <kbd>Esc</kbd> closes.
      </p>
    </div>
  );
}
