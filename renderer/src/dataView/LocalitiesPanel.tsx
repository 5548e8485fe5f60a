/**
 * Localities: name a sub-borough area, list its LSOAs, MSOAs or wards (pasted, or picked from
 * the areas the workspace knows), and see the Census counts loaded for its members summed to it
 * (shared/geography/localities.ts). Tower Hamlets' four localities are the model
 * (STRATEGIES.md section 3). Each locality reports how many of its members had data, so a
 * locality missing an LSOA is visible rather than silently smaller.
 */
import { useEffect, useState } from 'react';
import {
  readLocalities,
  removeLocality,
  saveLocalities,
  type Locality,
} from '../../../shared/geography/localities';
import { AREA_TYPES } from '../../../shared/geography/lookups';
import { useServices } from '../app/services';
import { LocalityCensus } from './LocalityCensus';
import { memberKindOf, parseCodes, tableExists, type MemberKind } from './geographyQueries';
import { SmallAreaPicker } from './SmallAreaPicker';
import type { Lookups } from './useLookups';

const MEMBER_TYPE = {
  LSOA: AREA_TYPES.lsoa,
  MSOA: AREA_TYPES.msoa,
  Ward: AREA_TYPES.ward,
} as const;

export interface LocalitiesPanelProps {
  readonly version: number;
  readonly lookups: Lookups;
  /** The workspace's tables changed (a locality was saved or removed). */
  readonly onChange: () => void;
}

export function LocalitiesPanel({ version, lookups, onChange }: LocalitiesPanelProps) {
  const { engine } = useServices();
  const [localities, setLocalities] = useState<readonly Locality[]>([]);
  const [name, setName] = useState('');
  const [codes, setCodes] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    engine()
      .then(async (db) => ((await tableExists(db, 'locality_member')) ? readLocalities(db) : []))
      .then(
        (l) => {
          if (live) setLocalities(l);
        },
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [engine, version]);

  const parsed = parseCodes(codes);
  const kinds = new Set(parsed.map(memberKindOf));

  const save = async (): Promise<void> => {
    setMessage(null);
    const bad = parsed.filter((c) => memberKindOf(c) === undefined);
    if (name.trim() === '') return setMessage({ kind: 'error', text: 'Give the locality a name.' });
    if (parsed.length === 0)
      return setMessage({ kind: 'error', text: 'List at least one LSOA, MSOA or ward code.' });
    if (bad.length > 0) {
      return setMessage({
        kind: 'error',
        text: `${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ` and ${String(bad.length - 5)} more` : ''} ${bad.length === 1 ? 'is not an' : 'are not'} LSOA (E01…), MSOA (E02…) or ward (E05…) code${bad.length === 1 ? '' : 's'}. Check for typing slips or names pasted instead of codes.`,
      });
    }
    if (kinds.size > 1) {
      return setMessage({
        kind: 'error',
        text: 'Use one kind of area per locality (all LSOAs, all MSOAs or all wards), so no area is counted twice.',
      });
    }
    const kind = [...kinds][0] as MemberKind;
    const locality: Locality = {
      code: `loc-${name
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')}`,
      name: name.trim(),
      memberType: MEMBER_TYPE[kind],
      vintage: null,
      parentCode: null,
      members: parsed,
    };
    try {
      const unknown = (await saveLocalities(await engine(), [locality]))[locality.code] ?? [];
      setName('');
      setCodes('');
      const check =
        lookups.status !== 'loaded'
          ? ' Codes were not checked against the ONS lookups (not loaded).'
          : unknown.length === 0
            ? ''
            : ` ${String(unknown.length)} code${unknown.length === 1 ? ' is' : 's are'} not in the ONS ${kind} lookups: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? '…' : ''}. Check them.`;
      setMessage({
        kind: 'info',
        text: `Saved ${locality.name}: ${String(parsed.length)} ${kind}s.${check}`,
      });
      onChange();
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  const remove = async (code: string): Promise<void> => {
    await removeLocality(await engine(), code);
    onChange();
  };

  return (
    <section className="workspace-panel" aria-labelledby="localities-heading">
      <h3 id="localities-heading">Localities</h3>
      <p className="muted">
        A locality is a group of LSOAs, MSOAs or wards inside a place (for example a borough’s four
        localities). Census counts loaded for its members are added up to it.
      </p>
      <div className="form-row">
        <label>
          Locality name
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
      </div>
      <label>
        Member codes (paste LSOA, MSOA or ward codes, separated by commas, spaces or new lines)
        <textarea value={codes} onChange={(e) => setCodes(e.target.value)} spellCheck={false} />
      </label>
      <SmallAreaPicker
        version={version}
        lookups={lookups}
        onPick={(picked) =>
          setCodes((current) => parseCodes(`${current}\n${picked.join('\n')}`).join('\n'))
        }
      />
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={() => void save()}>
          Save locality
        </button>
        <span className="muted">
          {parsed.length > 0 ? `${String(parsed.length)} codes listed` : ''}
        </span>
      </div>
      {message !== null && (
        <p
          className={message.kind === 'error' ? 'error' : 'muted'}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="locality-message"
        >
          {message.text}
        </p>
      )}
      {localities.length > 0 && (
        <>
          <h4>Defined localities</h4>
          <ul className="locality-list">
            {localities.map((l) => (
              <li key={l.code}>
                <strong>{l.name}</strong>{' '}
                <span className="muted">
                  ({String(l.members.length)} {l.memberType}s, code {l.code})
                </span>{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void remove(l.code)}
                  aria-label={`Remove ${l.name}`}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
          <LocalityCensus version={version} />
        </>
      )}
    </section>
  );
}
