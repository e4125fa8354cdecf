import { useContext, type ComponentPropsWithoutRef } from 'react';
import type { ExtraProps } from 'react-markdown';
import { paperIdFromHref } from '../util/paper-link';
import { safeLinkHref } from '../util/safe-url';
import { PaperLinkContext } from './paper-link-context';

type Props = ComponentPropsWithoutRef<'a'> & ExtraProps;

/**
 * Links in notes open outside the app; only http, https and mailto survive, anything else is plain
 * text. A link to a paper (`sift:paper/<id>`) opens it here: it is drawn without an href, so it
 * can never navigate the window.
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
    const open = () => links.open(paperId);
    return (
      // An anchor without href flows with the text like a link, and has nowhere to navigate to.
      <a
        role="link"
        tabIndex={0}
        className="paper-link"
        data-testid="paper-link"
        data-paper-id={paperId}
        title={`Open “${title}”`}
        onClick={(event) => {
          event.preventDefault();
          open();
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          open();
        }}
      >
        {children}
      </a>
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
