import { memo } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { safeLinkHref } from '../util/safe-url';
import { MarkdownImage } from './MarkdownImage';
import { MarkdownLink } from './MarkdownLink';

const components: Components = { a: MarkdownLink, img: MarkdownImage };
const remarkPlugins = [remarkGfm];

/** Unsafe URLs become empty here and plain text in MarkdownLink. */
function keepSafeUrls(url: string): string {
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
