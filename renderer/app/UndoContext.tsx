import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useDatabase } from '../db/DatabaseContext';
import { isNotUndone } from '../db/not-undone';

/** How long the Undo button stays on screen after a destructive action. */
const UNDO_WINDOW_MS = 20_000;
/** How long "Undone: …" stays on screen (it also goes when the user moves to another page). */
export const UNDONE_MESSAGE_MS = 6_000;

interface Pending {
  id: number;
  summary: string;
  undo: Undo;
}

/**
 * Puts back what an action did. It resolves to a `NotUndone` (db/not-undone) when it put nothing
 * back because the data changed since; any other answer means it was undone.
 */
export type Undo = () => Promise<unknown>;

interface UndoContextValue {
  /**
   * Runs a destructive action that returns how to reverse it; shows a toast with Undo for a while
   * and records the action in the action log (Settings).
   */
  perform(action: string, summary: string, run: () => Promise<Undo>): Promise<void>;
}

const UndoContext = createContext<UndoContextValue | null>(null);

export function useUndo(): UndoContextValue {
  const value = useContext(UndoContext);
  if (!value) throw new Error('useUndo() needs an <UndoProvider> above it');
  return value;
}

export function UndoProvider({ children }: { children: ReactNode }) {
  const db = useDatabase();
  const [pending, setPending] = useState<Pending | null>(null);
  const [message, setMessage] = useState('');
  const counter = useRef(0);

  useEffect(() => {
    if (!pending) return;
    const timer = window.setTimeout(
      () => setPending((current) => (current?.id === pending.id ? null : current)),
      UNDO_WINDOW_MS,
    );
    return () => window.clearTimeout(timer);
  }, [pending]);

  useEffect(() => {
    if (!message) return;
    const timer = window.setTimeout(() => setMessage(''), UNDONE_MESSAGE_MS);
    // "Undone: …" is about the page it happened on: it does not follow the user to another one.
    const clear = () => setMessage('');
    window.addEventListener('hashchange', clear);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('hashchange', clear);
    };
  }, [message]);

  const perform = useCallback<UndoContextValue['perform']>(
    async (action, summary, run) => {
      const undo = await run();
      await db.actionLog.add({ at: new Date().toISOString(), action, summary });
      setMessage('');
      setPending({ id: ++counter.current, summary, undo });
    },
    [db],
  );

  const undoNow = async () => {
    if (!pending) return;
    const current = pending;
    setPending(null);
    const answer = await current.undo();
    const said = isNotUndone(answer) ? answer.notUndone : `Undone: ${current.summary}`;
    await db.actionLog.add({ at: new Date().toISOString(), action: 'undo', summary: said });
    setMessage(said);
  };

  const value = useMemo(() => ({ perform }), [perform]);
  return (
    <UndoContext.Provider value={value}>
      {children}
      <div className="toast-region" role="status" aria-live="polite">
        {pending && (
          <div className="toast">
            <span>{pending.summary}</span>
            <button type="button" onClick={() => void undoNow()}>
              Undo
            </button>
            <button
              type="button"
              className="secondary"
              aria-label="Dismiss"
              onClick={() => setPending(null)}
            >
              ×
            </button>
          </div>
        )}
        {!pending && message && <div className="toast">{message}</div>}
      </div>
    </UndoContext.Provider>
  );
}
