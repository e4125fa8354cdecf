import type { ImportPreviewItem } from '../../../shared/api/contract';

interface Props {
  warnings: ImportPreviewItem['warnings'];
  file: string;
}

/** The warnings of an import item or file, each with where it is: "d2l.bib:120 · @article{key}: …". */
export function ImportWarningList({ warnings, file }: Props) {
  return (
    <ul className="import-warning-list" data-testid="import-warnings">
      {warnings.map((warning, position) => (
        <li key={position} className="import-warning">
          {(warning.line !== undefined || warning.entry) && (
            <span className="import-warning-where">
              {[warning.line !== undefined ? `${file}:${warning.line}` : undefined, warning.entry].filter(Boolean).join(' · ')}
            </span>
          )}
          <span className="import-warning-message">{warning.message}</span>
        </li>
      ))}
    </ul>
  );
}
