import type { ComponentPropsWithoutRef } from 'react';
import type { ExtraProps } from 'react-markdown';
import { safeLinkHref } from '../util/safe-url';

type Props = ComponentPropsWithoutRef<'a'> & ExtraProps;

/** Links in notes open outside the app; only http, https and mailto survive, anything else is plain text. */
export function MarkdownLink({ href, children }: Props) {
  const safe = safeLinkHref(href);
  if (!safe) return <span className="unsafe-link">{children}</span>;
  return (
    <a href={safe} target="_blank" rel="noreferrer noopener" title={safe}>
      {children}
    </a>
  );
}
