export function LocalitiesPanel(_props: { readonly version: number }) {
  return null;
}
