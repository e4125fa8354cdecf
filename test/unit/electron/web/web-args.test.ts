import { describe, expect, it } from 'vitest';
import { parseWebArgs } from '../../../../electron/web/web-args';

describe('browser mode command line', () => {
  it.each([
    [['--library', '/tmp/lib'], { help: false, port: 0, library: '/tmp/lib' }],
    [['--library', 'lib', '--port', '5173', '--token', 'abcdefghijklmnop'], { help: false, port: 5173, library: 'lib', token: 'abcdefghijklmnop' }],
    [['--help'], { help: true, port: 0 }],
  ])('%j parses to %j', (argv, expected) => {
    expect(parseWebArgs(argv)).toEqual(expected);
  });

  it.each([
    [['--port', 'abc'], '--port must be a whole number from 0 to 65535, not "abc"'],
    [['--port', '70000'], '--port must be a whole number from 0 to 65535, not "70000"'],
    [['--port=-1'], '--port must be a whole number from 0 to 65535, not "-1"'],
    [['--token', 'short'], '--token must be 16 to 200 letters'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['stray'], 'Unexpected argument "stray"'],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseWebArgs(argv)).toThrow(message);
  });
});
