import { memo } from 'react';

/**
 * A labelled search box. Memoised: with the same text and a stable `onChange` (a state setter), a
 * page re-render — choosing a site in Inventory — does not re-render it.
 */
export const SearchField = memo(function SearchField({
  label,
  className,
  value,
  onChange,
}: {
  label: string;
  className: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label className={className}>
      {label}
      <input type="search" value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
});
