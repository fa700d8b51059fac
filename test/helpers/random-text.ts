/**
 * Random texts for property tests of readers: up to `maxLength` characters, mostly digits (a
 * share `digitShare`), the rest picked from `others`, so that many texts read and many do not.
 */
export function mostlyDigits(
  random: () => number,
  maxLength: number,
  others: string,
  digitShare: number,
): string {
  let text = '';
  const length = Math.floor(random() * (maxLength + 1));
  for (let k = 0; k < length; k += 1) {
    text +=
      random() < digitShare
        ? String(Math.floor(random() * 10))
        : (others[Math.floor(random() * others.length)] ?? '');
  }
  return text;
}
