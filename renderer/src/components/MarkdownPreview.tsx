import { memo } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { paperIdFromHref } from '../util/paper-link';
import { safeLinkHref } from '../util/safe-url';
import { MarkdownImage } from './MarkdownImage';
import { MarkdownLink } from './MarkdownLink';

const components: Components = { a: MarkdownLink, img: MarkdownImage };
const remarkPlugins = [remarkGfm];

/** Unsafe URLs become empty here and plain text in MarkdownLink; links to papers pass to MarkdownLink as they are. */
export function keepSafeUrls(url: string): string {
  if (paperIdFromHref(url) !== undefined) return url.trim();
  return safeLinkHref(url) ?? '';
}

/**
 * A note rendered as Markdown. Raw HTML in the note is never parsed as HTML (no rehype-raw):
 * react-markdown turns it into visible text.
 */
export const MarkdownPreview = memo(function MarkdownPreview({ text }: { text: string }) {
  return (
    <Markdown remarkPlugins={remarkPlugins} components={components} urlTransform={keepSafeUrls}>
      {text}
    </Markdown>
  );
});
