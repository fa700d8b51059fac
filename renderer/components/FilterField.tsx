import { cloneElement, useId, type ReactElement } from 'react';

/**
 * One control of a filter bar: a label above its select or input, tied by id (not wrapping, so the
 * accessible name is the label alone). Lay several out in a `<fieldset className="filter-bar">`.
 */
export function FilterField({
  label,
  children,
}: {
  label: string;
  children: ReactElement<{ id?: string }>;
}) {
  const id = useId();
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id })}
    </div>
  );
}
