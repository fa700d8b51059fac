import { cloneElement, useId, type ReactElement } from 'react';

/**
 * One control of a filter bar: a label above its select or input, tied by id (not wrapping, so the
 * accessible name is the label alone). Lay several out in a `<fieldset className="filter-bar">`.
 */
export function FilterField({
  label,
  hint,
  children,
}: {
  label: string;
  /** A short line under the control saying what its values mean; its accessible description. */
  hint?: string;
  children: ReactElement<{ id?: string; 'aria-describedby'?: string }>;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, hint ? { id, 'aria-describedby': hintId } : { id })}
      {hint && (
        <span id={hintId} className="filter-field__hint">
          {hint}
        </span>
      )}
    </div>
  );
}

export interface FilterOption {
  value: string;
  text: string;
}

/**
 * A labelled select of a filter bar: an optional "all" choice (value `''`) first, then the options.
 */
export function FilterSelect({
  label,
  value,
  onChange,
  all,
  options,
  hint,
}: {
  label: string;
  /** See `FilterField`. */
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  /** Text of the choice that filters nothing, e.g. `All carriers`; none when omitted. */
  all?: string;
  options: readonly FilterOption[];
}) {
  return (
    <FilterField label={label} hint={hint}>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {all !== undefined && <option value="">{all}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </FilterField>
  );
}
