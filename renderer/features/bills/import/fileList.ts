/**
 * Names of picked files for a heading: all of them when there are a few, else the first ones and
 * how many more (a year of bills is hundreds of files: listed whole, the heading was a wall of
 * text, and laying it out again at every progress step was part of a long task).
 */
export function fileList(names: readonly string[], shown = 3): string {
  if (names.length <= shown) return names.join(', ');
  const more = names.length - shown;
  return `${names.slice(0, shown).join(', ')} and ${more.toLocaleString('en-US')} more ${more === 1 ? 'file' : 'files'}`;
}
