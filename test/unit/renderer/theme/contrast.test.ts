import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The themes' color variables, read from the stylesheet itself, so that a palette change is checked where it is made.
const css = readFileSync(new URL('../../../../renderer/src/styles.css', import.meta.url), 'utf8');

function variables(selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no ${selector} block in styles.css`);
  const block = css.slice(start, css.indexOf('\n}', start));
  return new Map([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6});/gi)].map((match) => [match[1] ?? '', match[2] ?? '']));
}

const light = variables(':root');
const dark = new Map([...light, ...variables(":root[data-theme='dark']")]);

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((high ?? 0) + 0.05) / ((low ?? 0) + 0.05);
}

const texts = ['text', 'text-2', 'text-3', 'accent-text', 'danger', 'success'];
const grounds = ['bg', 'surface', 'surface-2', 'surface-3'];

describe.each([
  ['light', light],
  ['dark', dark],
])('the %s theme', (_name, palette) => {
  it.each(texts.flatMap((text) => grounds.map((ground) => [text, ground] as const)))(
    'text color --%s on --%s meets WCAG AA for body text (4.5:1)',
    (text, ground) => {
      const foreground = palette.get(text);
      const background = palette.get(ground);
      expect(foreground && background).toBeTruthy();
      expect(contrast(foreground ?? '', background ?? '')).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('buttons: --on-accent on --accent meets 4.5:1', () => {
    expect(contrast(palette.get('on-accent') ?? '', palette.get('accent') ?? '')).toBeGreaterThanOrEqual(4.5);
  });
});
