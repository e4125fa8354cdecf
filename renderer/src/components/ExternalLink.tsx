import type { ReactNode } from 'react';
import { safeLinkHref } from '../util/safe-url';

interface Props {
  href: string | undefined;
  children: ReactNode;
  className?: string;
}

/** A link out of the app, opened in the system browser; an unsafe or missing href leaves plain text. */
export function ExternalLink({ href, children, className }: Props) {
  const safe = safeLinkHref(href);
  if (!safe) return <span className={className}>{children}</span>;
  return (
    <a href={safe} target="_blank" rel="noreferrer noopener" className={className}>
      {children}
    </a>
  );
}
