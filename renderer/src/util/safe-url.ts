/** Schemes a link from untrusted text may use; anything else (javascript:, file:, data:) stays plain text. */
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const WEB_PROTOCOLS = new Set(['http:', 'https:']);

function parsed(href: string): URL | undefined {
  try {
    return new URL(href.trim());
  } catch {
    return undefined;
  }
}

/** The href if it is an absolute http(s) or mailto URL, else undefined. */
export function safeLinkHref(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  const url = parsed(href);
  return url && LINK_PROTOCOLS.has(url.protocol) ? url.href : undefined;
}

/** The href if it is an absolute http(s) URL, else undefined (paper URLs and DOIs open in a browser). */
export function safeWebHref(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  const url = parsed(href);
  return url && WEB_PROTOCOLS.has(url.protocol) ? url.href : undefined;
}

/** A DOI as a resolver link; a DOI given as a full doi.org URL is accepted too. */
export function doiHref(doi: string | undefined): string | undefined {
  if (!doi) return undefined;
  const trimmed = doi.trim();
  if (/^https?:\/\//i.test(trimmed)) return safeWebHref(trimmed);
  const bare = trimmed.replace(/^doi:\s*/i, '');
  return /^10\.\S+\/\S+$/.test(bare) ? `https://doi.org/${bare.split('/').map(encodeURIComponent).join('/')}` : undefined;
}
