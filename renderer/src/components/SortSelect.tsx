import { searchSorts, type SearchSort } from '../../../shared/api/contract';

interface Props {
  sort: SearchSort;
  onChange: (sort: SearchSort) => void;
}

const sortLabels: Record<SearchSort, string> = {
  relevance: 'Relevance',
  'year-desc': 'Year ↓',
  'year-asc': 'Year ↑',
  title: 'Title',
  'added-desc': 'Added ↓',
  'added-asc': 'Added ↑',
};

const sortTitles: Record<SearchSort, string> = {
  relevance: 'Best match first (newest first when no words are searched)',
  'year-desc': 'Newest publication year first',
  'year-asc': 'Oldest publication year first',
  title: 'By title, A to Z',
  'added-desc': 'Most recently added first',
  'added-asc': 'First added first',
};

/** The order of the list: relevance, year, title or when added. */
export function SortSelect({ sort, onChange }: Props) {
  return (
    <label className="sort-select-label" title={sortTitles[sort]}>
      <span className="visually-hidden">Sort by</span>
      <select
        className="sort-select"
        data-testid="sort-select"
        value={sort}
        onChange={(event) => onChange(event.target.value as SearchSort)}
      >
        {searchSorts.map((value) => (
          <option key={value} value={value}>
            {sortLabels[value]}
          </option>
        ))}
      </select>
    </label>
  );
}
