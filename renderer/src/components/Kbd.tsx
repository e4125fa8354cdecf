import type { Shortcut } from '../commands/shortcut';
import { shortcutKeys } from '../commands/shortcut';

interface Props {
  shortcut: Shortcut;
}

export function Kbd({ shortcut }: Props) {
  return (
    <span className="kbd-group">
      {shortcutKeys(shortcut).map((key) => (
        <kbd key={key}>{key}</kbd>
      ))}
    </span>
  );
}
