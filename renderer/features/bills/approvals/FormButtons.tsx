/** A form's main button (submit, or `onSubmit` when the form is not a `<form>`) and Cancel. */
export function FormButtons({
  label,
  onSubmit,
  onCancel,
}: {
  label: string;
  onSubmit?: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="button-row">
      <button type={onSubmit ? 'button' : 'submit'} onClick={onSubmit}>
        {label}
      </button>
      <button type="button" className="secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
