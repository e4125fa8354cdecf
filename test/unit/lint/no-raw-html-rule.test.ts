import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/temp-library';

// Untrusted text must never reach the renderer's DOM as HTML (ARCHITECTURE.md §7): lint samples as
// if they lived in renderer/ and check that each way of injecting HTML is refused, and plain DOM code is not.
const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: path.join(repoRoot, '.config/eslint.config.js') });

async function rawHtmlErrors(code: string, file = 'renderer/src/components/X.tsx'): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-syntax').length;
}

describe('the raw-HTML rule in renderer/', () => {
  it.each([
    ['dangerouslySetInnerHTML in JSX', 'export const X = ({ html }: { html: string }) => <div dangerouslySetInnerHTML={{ __html: html }} />;'],
    ['dangerouslySetInnerHTML as a prop object', "import { createElement } from 'react';\nexport const x = (html: string) => createElement('div', { dangerouslySetInnerHTML: { __html: html } });"],
    ['srcDoc in JSX', 'export const X = ({ html }: { html: string }) => <iframe srcDoc={html} />;'],
    ['innerHTML assignment', 'export function f(element: HTMLElement, html: string) {\n  element.innerHTML = html;\n}'],
    ['innerHTML += ', 'export function f(element: HTMLElement, html: string) {\n  element.innerHTML += html;\n}'],
    ['computed innerHTML assignment', "export function f(element: HTMLElement, html: string) {\n  element['innerHTML'] = html;\n}"],
    ['outerHTML assignment', 'export function f(element: HTMLElement, html: string) {\n  element.outerHTML = html;\n}'],
    ['insertAdjacentHTML', "export function f(element: HTMLElement, html: string) {\n  element.insertAdjacentHTML('beforeend', html);\n}"],
    ['createContextualFragment', 'export const f = (html: string) => document.createRange().createContextualFragment(html);'],
    ['DOMParser.parseFromString', "export const f = (html: string) => new DOMParser().parseFromString(html, 'text/html');"],
    ['setHTMLUnsafe', 'export function f(element: Element, html: string) {\n  element.setHTMLUnsafe(html);\n}'],
    ['document.write', 'export function f(html: string) {\n  document.write(html);\n}'],
    ['document.writeln', 'export function f(html: string) {\n  document.writeln(html);\n}'],
  ])('refuses %s', async (_name, code) => {
    expect(await rawHtmlErrors(code)).toBe(1);
  });

  it('allows text, reading innerHTML and ordinary DOM calls', async () => {
    const code = [
      'export const X = ({ title }: { title: string }) => <h1 title={title}>{title}</h1>;',
      'export function f(element: HTMLElement, text: string) {',
      '  element.textContent = text;',
      '  element.append(document.createTextNode(text));',
      '  return element.innerHTML.length;',
      '}',
    ].join('\n');
    expect(await rawHtmlErrors(code)).toBe(0);
  });

  it('applies to every file under renderer/ and not to the main side', async () => {
    const code = 'export function f(element: HTMLElement, html: string) {\n  element.innerHTML = html;\n}';
    expect(await rawHtmlErrors(code, 'renderer/src/util/x.ts')).toBe(1);
    expect(await rawHtmlErrors(code, 'renderer/vite.config.ts')).toBe(1);
    expect(await rawHtmlErrors(code, 'electron/services/x.ts')).toBe(0);
  });
});
