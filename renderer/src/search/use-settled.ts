import { useEffect, useState } from 'react';

/**
 * `value` once it has stayed the same for `ms`, else the last value that did. Hints about a query
 * wait for the user to pause: `tag:` is only unfinished while it is being typed.
 */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
