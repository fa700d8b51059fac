import { SECTIONS, type SectionId } from './sections';

/** The section list: plain links, so Tab, Enter and the screen reader's link list all just work. */
export function Navigation({ current }: { current: SectionId }) {
  return (
    <nav className="app-nav" aria-label="Sections">
      <ul>
        {SECTIONS.map((section) => (
          <li key={section.id}>
            <a
              href={`#/${section.id}`}
              aria-current={section.id === current ? 'page' : undefined}
              className="app-nav__link"
              onClick={() => {
                // Same section: no hash change, no new page; still move focus to its heading.
                if (section.id === current)
                  document.querySelector<HTMLElement>('#main h1')?.focus();
              }}
            >
              {section.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
