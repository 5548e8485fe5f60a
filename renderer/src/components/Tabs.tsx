/**
 * A WAI-ARIA tab list (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/): one tab stop, arrow
 * keys, Home and End move between tabs. The caller renders the panel with `tabPanelProps`.
 */
import type { KeyboardEvent } from 'react';

export interface TabItem {
  readonly id: string;
  readonly label: string;
}

export interface TabsProps {
  readonly items: readonly TabItem[];
  readonly selected: string;
  readonly onSelect: (id: string) => void;
  /** Accessible name of the tab list, e.g. "Figures". */
  readonly label: string;
  /** Prefix for element ids, unique on the page. */
  readonly idPrefix: string;
}

export function tabId(idPrefix: string, id: string): string {
  return `${idPrefix}-tab-${id}`;
}

/** Props for the element that shows the selected tab's content. */
export function tabPanelProps(idPrefix: string, selected: string) {
  return {
    role: 'tabpanel',
    id: `${idPrefix}-panel`,
    'aria-labelledby': tabId(idPrefix, selected),
  } as const;
}

export function Tabs({ items, selected, onSelect, label, idPrefix }: TabsProps) {
  const onKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const at = items.findIndex((t) => t.id === selected);
    const n = items.length;
    const next =
      event.key === 'ArrowRight'
        ? (at + 1) % n
        : event.key === 'ArrowLeft'
          ? (at - 1 + n) % n
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? n - 1
              : -1;
    if (next < 0 || n === 0) return;
    event.preventDefault();
    const id = items[next]!.id;
    onSelect(id);
    document.getElementById(tabId(idPrefix, id))?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKey}>
      {items.map((t) => (
        <button
          key={t.id}
          id={tabId(idPrefix, t.id)}
          type="button"
          role="tab"
          aria-selected={t.id === selected}
          aria-controls={`${idPrefix}-panel`}
          tabIndex={t.id === selected ? 0 : -1}
          className={t.id === selected ? 'tab selected' : 'tab'}
          onClick={() => onSelect(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
