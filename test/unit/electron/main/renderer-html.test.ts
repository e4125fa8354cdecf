import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../../shared/api/content-security-policy';
import { repoRoot } from '../../../helpers/temp-library';

// The page the CSP protects: no inline script or handler for it to allow, and its own <meta> copy
// of the policy (for the Vite dev server, which sends no header) says what the header says.
describe('renderer/index.html', () => {
  it('has no inline script, no event handler attribute and no remote resource', async () => {
    const html = await readFile(path.join(repoRoot, 'renderer', 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\.?\/[^"]+"/);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//i);
    expect(html).not.toMatch(/javascript:/i);
  });

  it('carries the same policy in its meta tag, less frame-ancestors (which a meta tag cannot set)', async () => {
    const html = await readFile(path.join(repoRoot, 'renderer', 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/i.exec(html)?.[1];
    const withoutFrameAncestors = contentSecurityPolicy
      .split('; ')
      .filter((directive) => !directive.startsWith('frame-ancestors'))
      .sort();
    expect(meta?.split('; ').sort()).toEqual(withoutFrameAncestors);
  });
});
