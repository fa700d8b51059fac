import { useId, useRef, useState } from 'react';

/**
 * A form's one message and the field it is about, when it is a problem of one: the field is
 * marked invalid, described by the message (read out with it) and focused; a message of no
 * field (a saved form, a refusal of the whole) is only said.
 */
export function useFieldProblem<F extends string>() {
  const problemId = useId();
  const [message, setMessage] = useState('');
  const [invalid, setInvalid] = useState<F | null>(null);
  const inputs = useRef(new Map<F, HTMLInputElement | null>());
  return {
    /** The id of the element that shows `message`: the invalid field's description. */
    problemId,
    message,
    /** Says `text` (a problem when `field` is given, which is focused). */
    say(text: string, field: F | null = null) {
      setMessage(text);
      setInvalid(field);
      if (field !== null) inputs.current.get(field)?.focus();
    },
    /** The props of a field's input: its ref, and its invalid state and description. */
    field(name: F) {
      return {
        ref: (input: HTMLInputElement | null) => {
          inputs.current.set(name, input);
        },
        ...(invalid === name
          ? { 'aria-invalid': true as const, 'aria-describedby': problemId }
          : { 'aria-invalid': false as const }),
      };
    },
  };
}
