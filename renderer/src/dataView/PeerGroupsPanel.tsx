export function PeerGroupsPanel(_props: { readonly version: number }) {
  return null;
}
