import type { ComponentPropsWithoutRef } from 'react';
import type { ExtraProps } from 'react-markdown';
import { safeWebHref } from '../util/safe-url';

type Props = ComponentPropsWithoutRef<'img'> & ExtraProps;

/** Sift stays offline and its CSP allows no remote images, so an image in a note becomes a link to it. */
export function MarkdownImage({ src, alt }: Props) {
  const label = `Image: ${alt || 'untitled'}`;
  const href = typeof src === 'string' ? safeWebHref(src) : undefined;
  if (!href) return <span className="image-placeholder">{label}</span>;
  return (
    <a href={href} target="_blank" rel="noreferrer noopener" className="image-placeholder">
      {label}
    </a>
  );
}
