/** The borough profile's figures, one at a time, with export of the shown figure. */
import { useState } from 'react';
import type { BoroughProfile } from '../../../shared/analysis/boroughProfile';
import { Tabs, tabPanelProps } from '../components/Tabs';
import { FigureView } from './FigureView';

const TAB_LABELS: Readonly<Record<string, string>> = {
  'hle-by-sex': 'Healthy life expectancy',
  'population-pyramid': 'Population pyramid',
  'census-age-structure': 'Age structure (Census 2021)',
  'hle-male-map-london': 'Map: London',
};

export function FigurePanel({ profile }: { readonly profile: BoroughProfile }) {
  const [selected, setSelected] = useState(profile.figures[0]?.id ?? '');
  const spec = profile.figures.find((f) => f.id === selected) ?? profile.figures[0];
  return (
    <section className="figure-panel" aria-label="Figures">
      <Tabs
        items={profile.figures.map((f) => ({ id: f.id, label: TAB_LABELS[f.id] ?? f.id }))}
        selected={spec?.id ?? ''}
        onSelect={setSelected}
        label="Figures"
        idPrefix="figure"
      />
      {spec !== undefined && (
        <div {...tabPanelProps('figure', spec.id)}>
          <FigureView key={spec.id} spec={spec} />
        </div>
      )}
      {profile.missing.length > 0 && (
        <ul className="missing">
          {profile.missing.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
