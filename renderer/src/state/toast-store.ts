/** `warning`: something about the library the user should know (another program changed it, a conflict). */
export type ToastKind = 'error' | 'warning' | 'info';

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  action?: { label: string; run: () => void };
}

type Listener = () => void;

const DISMISS_AFTER_MS: Record<ToastKind, number> = { info: 4000, warning: 15000, error: 9000 };
const MAX_TOASTS = 4;

/** Small, non-blocking messages: failed calls, notices about the library and confirmations ("Copied 12 rows"). */
class ToastStore {
  private toasts: readonly Toast[] = [];
  private readonly listeners = new Set<Listener>();
  private nextId = 1;
  private readonly timers = new Map<number, number>();

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): readonly Toast[] => this.toasts;

  show(kind: ToastKind, message: string, action?: Toast['action']): number {
    const id = this.nextId++;
    const toast: Toast = action ? { id, kind, message, action } : { id, kind, message };
    // The same error repeated (a reload failing twice) is one message, not a pile.
    const rest = this.toasts.filter((existing) => !(existing.kind === kind && existing.message === message));
    for (const dropped of this.toasts.filter((existing) => !rest.includes(existing))) this.clearTimer(dropped.id);
    this.toasts = [...rest, toast].slice(-MAX_TOASTS);
    this.timers.set(id, window.setTimeout(() => this.dismiss(id), DISMISS_AFTER_MS[kind]));
    this.emit();
    return id;
  }

  error(message: string, action?: Toast['action']): number {
    return this.show('error', message, action);
  }

  info(message: string, action?: Toast['action']): number {
    return this.show('info', message, action);
  }

  dismiss(id: number): void {
    this.clearTimer(id);
    const next = this.toasts.filter((toast) => toast.id !== id);
    if (next.length === this.toasts.length) return;
    this.toasts = next;
    this.emit();
  }

  private clearTimer(id: number): void {
    const timer = this.timers.get(id);
    if (timer !== undefined) window.clearTimeout(timer);
    this.timers.delete(id);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

export const toasts = new ToastStore();
