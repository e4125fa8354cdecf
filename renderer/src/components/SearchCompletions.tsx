import type { FieldName, QueryCompletion } from '../../../shared/search/parse-query';

interface Props {
  /** The listbox's id, which the search box's aria-controls names; options are `${id}-${index}`. */
  id: string;
  items: readonly QueryCompletion[];
  active: number;
  onChoose: (item: QueryCompletion) => void;
  onHover: (index: number) => void;
}

const fieldHelp: Record<FieldName, string> = {
  title: 'words in the title',
  author: 'an author’s name',
  venue: 'journal or conference',
  abstract: 'words in the abstract',
  tag: 'papers with a tag',
  year: '2023, 2020..2024, >=2022',
  status: 'unread, reading, read',
  decision: 'include, maybe, exclude, undecided',
  has: 'pdf, notes, abstract, annotations',
  fulltext: 'text inside the PDFs',
};

function helpFor(label: string): string | undefined {
  return label.endsWith(':') ? fieldHelp[label.slice(0, -1) as FieldName] : undefined;
}

/** The search box's suggestions, under it. Mouse-down keeps the focus in the box; a click accepts. */
export function SearchCompletions({ id, items, active, onChoose, onHover }: Props) {
  return (
    <ul id={id} className="search-completions" role="listbox" aria-label="Suggestions" data-testid="search-completions" hidden={items.length === 0}>
      {items.map((item, index) => {
        const help = helpFor(item.label);
        return (
          <li
            key={`${item.label}-${item.replaceFrom}`}
            id={`${id}-${index}`}
            role="option"
            aria-selected={index === active}
            className={`search-completion${index === active ? ' active' : ''}`}
            data-testid="search-completion"
            onMouseDown={(event) => event.preventDefault()}
            onMouseMove={() => index !== active && onHover(index)}
            onClick={() => onChoose(item)}
          >
            <span className="search-completion-label">{item.label}</span>
            {help && <span className="search-completion-help">{help}</span>}
          </li>
        );
      })}
    </ul>
  );
}
