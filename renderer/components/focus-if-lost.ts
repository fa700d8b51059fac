/**
 * Focuses `target` when focus has fallen to the page's body, as it does when the control that had
 * it is removed (the button that opened a form, the form's own Cancel or Save, a panel's confirm
 * button), so keyboard and screen-reader users land in context. Focus the user put elsewhere
 * meanwhile is left alone. A heading or message is made focusable by script (`tabIndex` -1) first.
 */
export function focusIfLost(target: HTMLElement | null | undefined): void {
  const active = document.activeElement;
  if (!target || (active !== null && active !== document.body)) return;
  if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus();
}
