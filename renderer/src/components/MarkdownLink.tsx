import { useContext, type ComponentPropsWithoutRef } from 'react';
import type { ExtraProps } from 'react-markdown';
import { paperIdFromHref } from '../util/paper-link';
import { safeLinkHref } from '../util/safe-url';
import { PaperLinkContext } from './paper-link-context';

type Props = ComponentPropsWithoutRef<'a'> & ExtraProps;

/**
 * Links in notes open outside the app; only http, https and mailto survive, anything else is plain
 * text. A link to a paper (`sift:paper/<id>`) is a button that opens it here: it has no href, so
 * it can never navigate the window.
 */
export function MarkdownLink({ href, children }: Props) {
  const links = useContext(PaperLinkContext);
  const paperId = paperIdFromHref(href);
  if (paperId !== undefined) {
    const title = links?.titleOf(paperId);
    if (!links || title === undefined) {
      return (
        <span className="paper-link missing" data-testid="paper-link" data-paper-id={paperId} title="This paper is not in the library">
          {children}
        </span>
      );
    }
    return (
      <button
        type="button"
        className="paper-link"
        data-testid="paper-link"
        data-paper-id={paperId}
        title={`Open “${title}”`}
        onClick={() => links.open(paperId)}
      >
        {children}
      </button>
    );
  }
  const safe = safeLinkHref(href);
  if (!safe) return <span className="unsafe-link">{children}</span>;
  return (
    <a href={safe} target="_blank" rel="noreferrer noopener" title={safe}>
      {children}
    </a>
  );
}
