/**
 * Move keyboard focus to a question when it appears (the duplicate prompt, the mapping dialog),
 * so that screen-reader and keyboard users land on it and it scrolls into view.
 */
import { useEffect, useRef } from 'react';

export function useFocusOnMount<T extends HTMLElement>(key: string) {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [key]);
  return ref;
}
