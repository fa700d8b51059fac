/**
 * What an Undo returns when it put nothing back because the data changed since it was offered
 * (e.g. the deleted invoice was imported again): the sentence the toast shows instead of "Undone".
 */
export interface NotUndone {
  notUndone: string;
}

/** True for an Undo's {@link NotUndone} answer (other Undos resolve to nothing). */
export function isNotUndone(value: unknown): value is NotUndone {
  return (
    typeof value === 'object' &&
    value !== null &&
    'notUndone' in value &&
    typeof value.notUndone === 'string'
  );
}
