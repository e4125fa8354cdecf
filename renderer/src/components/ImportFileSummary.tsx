import type { ImportSourceFile } from '../../../shared/api/contract';
import { formatLabel, plural } from '../state/import-choices';
import { ImportWarningList } from './ImportWarningList';

interface Props {
  files: readonly ImportSourceFile[];
}

/** Files listed one by one up to this many; beyond, only those with something to say. */
const MAX_QUIET_FILES = 30;

/** One line per file read: its format and record count, and in red why a file gave nothing. */
export function ImportFileSummary({ files }: Props) {
  const failed = files.filter((file) => file.error !== undefined).length;
  const shown = files.length <= MAX_QUIET_FILES ? files : files.filter((file) => file.error !== undefined || file.warnings.length > 0);
  const hidden = files.length - shown.length;
  return (
    <section className="import-files" aria-label="Files read">
      {failed > 0 && (
        <p className="import-files-failed" role="alert">
          {failed === files.length ? 'Nothing could be read.' : `${plural(failed, 'file')} could not be read.`}
        </p>
      )}
      <ul className="import-file-list">
        {shown.map((file, position) => (
          <li
            key={`${position}:${file.name}`}
            className={`import-file${file.error ? ' failed' : ''}`}
            data-testid="import-file"
            data-file={file.name}
            data-error={file.error ? 'true' : undefined}
          >
            <span className="import-file-icon" aria-hidden="true">
              {file.error ? '!' : '✓'}
            </span>
            <span className="import-file-name" title={file.name}>
              {file.name}
            </span>
            <span className="import-file-meta">
              {file.error ? formatLabel(file.format) : `${formatLabel(file.format)} · ${plural(file.records, 'record')}`}
            </span>
            {file.error && (
              <span className="import-file-error" data-testid="import-file-error">
                {file.error}
              </span>
            )}
            {file.warnings.length > 0 && (
              <details className="import-file-warnings">
                <summary>{plural(file.warnings.length, 'warning')}</summary>
                <ImportWarningList warnings={file.warnings} file={file.name} />
              </details>
            )}
          </li>
        ))}
        {hidden > 0 && <li className="import-file-more">and {plural(hidden, 'more file')} read without a problem</li>}
      </ul>
    </section>
  );
}
