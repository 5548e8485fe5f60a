/**
 * Pick LSOAs, MSOAs or wards from the areas the workspace knows: choose an authority, narrow by
 * name or code, and add the matches to the locality's list.
 */
import { useEffect, useState } from 'react';
import { useServices } from '../app/services';
import {
  localAuthorities,
  smallAreasIn,
  type AreaOption,
  type MemberKind,
} from './geographyQueries';
import type { Lookups } from './useLookups';

export interface SmallAreaPickerProps {
  readonly version: number;
  readonly lookups: Lookups;
  readonly onPick: (codes: readonly string[]) => void;
}

export function SmallAreaPicker({ version, lookups, onPick }: SmallAreaPickerProps) {
  const { engine } = useServices();
  const [las, setLas] = useState<readonly AreaOption[]>([]);
  const [la, setLa] = useState('');
  const [kind, setKind] = useState<MemberKind>('LSOA');
  const [filter, setFilter] = useState('');
  const [matches, setMatches] = useState<readonly AreaOption[]>([]);

  useEffect(() => {
    let live = true;
    engine()
      .then(localAuthorities)
      .then(
        (list) => {
          if (live) setLas(list);
        },
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [engine, version, lookups.status]);

  useEffect(() => {
    let live = true;
    const chosen = las.find((a) => a.code === la);
    if (chosen === undefined) {
      setMatches([]);
      return;
    }
    engine()
      .then((db) => smallAreasIn(db, kind, chosen, filter))
      .then(
        (list) => {
          if (live) setMatches(list);
        },
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [engine, las, la, kind, filter, version, lookups.status]);

  return (
    <fieldset className="area-picker">
      <legend>Pick from the areas in this workspace</legend>
      <div className="form-row">
        <label>
          Local authority
          <select value={la} onChange={(e) => setLa(e.target.value)}>
            <option value="">— choose —</option>
            {las.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name} ({a.code})
              </option>
            ))}
          </select>
        </label>
        <label>
          Areas
          <select value={kind} onChange={(e) => setKind(e.target.value as MemberKind)}>
            <option value="LSOA">LSOAs</option>
            <option value="MSOA">MSOAs</option>
            <option value="Ward">Wards</option>
          </select>
        </label>
        <label>
          Name or code contains
          <input
            type="text"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder="e.g. 001"
          />
        </label>
        <button
          type="button"
          disabled={matches.length === 0}
          onClick={() => onPick(matches.map((m) => m.code))}
        >
          Add {matches.length.toLocaleString('en-GB')} matching area
          {matches.length === 1 ? '' : 's'}
        </button>
      </div>
      {la !== '' && matches.length === 0 && (
        <p className="muted">
          No {kind}s of this authority are known here: import small-area data for it
          {lookups.status === 'loaded' ? '' : ', or load the ONS area lookups below'}.
        </p>
      )}
      {matches.length > 0 && matches.length <= 12 && (
        <p className="muted picker-matches">
          {matches.map((m) => `${m.name} (${m.code})`).join(', ')}
        </p>
      )}
    </fieldset>
  );
}
