import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../../shared/api/content-security-policy';

// Checklist E2: the one CSP sent by the app:// protocol and by browser mode.
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

describe('the Content-Security-Policy', () => {
  const policy = directives(contentSecurityPolicy);

  it.each([
    ['default-src', ["'none'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['script-src', ["'self'"]],
  ])('sets %s to %j', (name, values) => {
    expect(policy.get(name)).toEqual(values);
  });

  it('names each directive once', () => {
    const names = contentSecurityPolicy.split(';').map((part) => part.trim().split(/\s+/)[0]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('allows no eval, no inline script and no remote origin anywhere', () => {
    for (const [name, values] of policy) {
      for (const value of values) {
        expect(["'unsafe-eval'", "'unsafe-inline'", "'unsafe-hashes'", "'wasm-unsafe-eval'", "'strict-dynamic'", 'http:', 'https:', 'ws:', 'wss:', 'file:', 'filesystem:', '*'], `${name} ${value}`).not.toContain(value);
        // Only keywords and local schemes: no host source of any kind.
        expect(value, `${name} ${value}`).toMatch(/^('self'|'none'|data:|blob:)$/);
      }
    }
    for (const name of ['script-src', 'object-src', 'base-uri', 'default-src']) {
      expect(policy.get(name), name).not.toContain('data:');
      expect(policy.get(name), name).not.toContain('blob:');
    }
  });

  it('is one header line', () => {
    expect(contentSecurityPolicy).not.toMatch(/[\r\n]/);
  });
});
