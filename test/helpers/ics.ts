/**
 * Reads iCalendar text (RFC 5545) back, so tests can check what `contractsToIcs` wrote the way a
 * calendar client would. Test-only: the app writes calendars and never reads them, so the reader
 * lives here rather than in shared/.
 */
import type { Result } from '../../shared/result';
import { fail, ok } from '../../shared/result';

/**
 * Reverses `escapeIcsText` (shared/contracts/ics.ts): `\n` and `\N` → line feed, `\\` `\;` `\,` →
 * the character.
 */
export function unescapeIcsText(text: string): string {
  return text.replace(/\\([\\;,nN])/g, (_match, char: string) =>
    char === 'n' || char === 'N' ? '\n' : char,
  );
}

/** One property of a parsed iCalendar component. */
export interface IcsProperty {
  /** Upper-cased name, e.g. `DTSTART`. */
  name: string;
  /** Parameters by upper-cased name, quotes removed, e.g. `{ VALUE: 'DATE' }`. */
  params: Record<string, string>;
  /** The value as written (still escaped). */
  raw: string;
  /** The value with TEXT escapes undone. */
  value: string;
}

/** A parsed component (`VCALENDAR`, `VEVENT`, `VALARM`…) with its properties and children. */
export interface IcsComponent {
  name: string;
  properties: IcsProperty[];
  components: IcsComponent[];
}

/**
 * A minimal iCalendar reader, enough to read our own exports back: unfolds lines (CRLF or LF
 * followed by a space or tab), splits name, parameters (quoted values allowed) and value, unescapes
 * TEXT, and nests components. Fails on a content line without a colon, and on BEGIN/END that do
 * not match.
 */
export function parseIcs(text: string): Result<IcsComponent[]> {
  const unfolded = text.replace(/\r?\n[ \t]/g, '');
  const roots: IcsComponent[] = [];
  const stack: IcsComponent[] = [];
  const lines = unfolded.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line === '') continue;
    const property = parseContentLine(line);
    if (property === null) {
      return fail(`Line ${index + 1} of the calendar is not "NAME:value": "${line}".`);
    }
    if (property.name === 'BEGIN') {
      const component: IcsComponent = {
        name: property.raw.toUpperCase(),
        properties: [],
        components: [],
      };
      const parent = stack[stack.length - 1];
      if (parent === undefined) roots.push(component);
      else parent.components.push(component);
      stack.push(component);
    } else if (property.name === 'END') {
      const open = stack.pop();
      if (open?.name !== property.raw.toUpperCase()) {
        return fail(
          `Line ${index + 1} ends ${property.raw} but ${open?.name ?? 'nothing'} is open.`,
        );
      }
    } else {
      const current = stack[stack.length - 1];
      if (current === undefined) {
        return fail(`Line ${index + 1} has a property outside any component: "${line}".`);
      }
      current.properties.push(property);
    }
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed !== undefined) return fail(`The calendar ends before END:${unclosed.name}.`);
  return ok(roots);
}

/** Every component named `name` (e.g. `VEVENT`) in `components` and below, in document order. */
export function findIcsComponents(
  components: readonly IcsComponent[],
  name: string,
): IcsComponent[] {
  const found: IcsComponent[] = [];
  for (const component of components) {
    if (component.name === name) found.push(component);
    found.push(...findIcsComponents(component.components, name));
  }
  return found;
}

/** The unescaped value of a component's first property named `name`, or undefined. */
export function icsValue(component: IcsComponent, name: string): string | undefined {
  return component.properties.find((property) => property.name === name)?.value;
}

function parseContentLine(line: string): IcsProperty | null {
  let at = 0;
  let quoted = false;
  const segments: string[] = [];
  let start = 0;
  for (; at < line.length; at += 1) {
    const char = line[at];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ';') {
      segments.push(line.slice(start, at));
      start = at + 1;
    } else if (!quoted && char === ':') break;
  }
  if (at >= line.length) return null;
  segments.push(line.slice(start, at));
  const [name = '', ...paramTexts] = segments;
  if (name === '') return null;
  const params: Record<string, string> = {};
  for (const paramText of paramTexts) {
    const equals = paramText.indexOf('=');
    if (equals === -1) continue;
    params[paramText.slice(0, equals).toUpperCase()] = paramText
      .slice(equals + 1)
      .replace(/^"(.*)"$/, '$1');
  }
  const raw = line.slice(at + 1);
  return { name: name.toUpperCase(), params, raw, value: unescapeIcsText(raw) };
}
