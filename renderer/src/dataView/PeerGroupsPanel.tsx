/**
 * Peer groups: the sets of areas a place is ranked and compared against (STRATEGIES.md: the 33
 * London authorities for a London borough; Essex's 12 districts; a chosen list). Resolved from the
 * ONS area lookups and stored in the workspace (shared/geography/peerGroups.ts).
 */
import { useEffect, useState } from 'react';
import {
  LONDON_BOROUGHS,
  countyDistricts,
  readPeerGroups,
  removePeerGroup,
  resolvePeerGroup,
  savePeerGroups,
  type PeerGroup,
} from '../../../shared/geography/peerGroups';
import { useServices } from '../app/services';
import { areaNames, counties, parseCodes, tableExists, type AreaOption } from './geographyQueries';
import type { Lookups } from './useLookups';

interface ShownGroup {
  readonly group: PeerGroup;
  readonly members: readonly { code: string; name: string }[];
}

export interface PeerGroupsPanelProps {
  readonly version: number;
  readonly lookups: Lookups;
  readonly onChange: () => void;
}

export function PeerGroupsPanel({ version, lookups, onChange }: PeerGroupsPanelProps) {
  const { engine } = useServices();
  const [groups, setGroups] = useState<readonly ShownGroup[]>([]);
  const [countyList, setCountyList] = useState<readonly AreaOption[]>([]);
  const [county, setCounty] = useState('');
  const [customName, setCustomName] = useState('');
  const [customCodes, setCustomCodes] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const ready = lookups.status === 'loaded';

  useEffect(() => {
    let live = true;
    void (async () => {
      const db = await engine();
      const stored = (await tableExists(db, 'peer_group')) ? await readPeerGroups(db) : [];
      const shown: ShownGroup[] = [];
      for (const group of stored) {
        const codes = await resolvePeerGroup(db, group);
        const names = await areaNames(db, codes);
        shown.push({
          group,
          members: codes.map((code) => ({ code, name: names.get(code) ?? code })),
        });
      }
      const list = await counties(db);
      if (!live) return;
      setGroups(shown);
      setCountyList(list);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [engine, version, lookups.status]);

  const add = async (group: PeerGroup): Promise<void> => {
    setMessage(null);
    try {
      const resolved = await savePeerGroups(await engine(), [group]);
      setMessage({
        kind: 'info',
        text: `Saved ${group.name}: ${String(resolved[group.id]?.length ?? 0)} areas.`,
      });
      onChange();
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  const remove = async (id: string): Promise<void> => {
    await removePeerGroup(await engine(), id);
    onChange();
  };

  const addCustom = (): void => {
    const codes = parseCodes(customCodes);
    if (customName.trim() === '' || codes.length < 2) {
      setMessage({
        kind: 'error',
        text: 'A custom peer group needs a name and at least two area codes.',
      });
      return;
    }
    const id = `custom-${customName
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}`;
    void add({ id, name: customName.trim(), definition: { kind: 'custom', codes } }).then(() => {
      setCustomName('');
      setCustomCodes('');
    });
  };

  const chosenCounty = countyList.find((c) => c.code === county);
  return (
    <section className="workspace-panel" aria-labelledby="peer-groups-heading">
      <h3 id="peer-groups-heading">Peer groups</h3>
      <p className="muted">
        The areas a place is ranked and compared against.
        {ready ? '' : ' London boroughs and county districts need the ONS area lookups (above).'}
      </p>
      <div className="form-row">
        <button type="button" disabled={!ready} onClick={() => void add(LONDON_BOROUGHS)}>
          Add London boroughs
        </button>
      </div>
      <div className="form-row">
        <label>
          County
          <select value={county} disabled={!ready} onChange={(e) => setCounty(e.target.value)}>
            <option value="">— choose —</option>
            {countyList.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={!ready || chosenCounty === undefined}
          onClick={() =>
            chosenCounty !== undefined &&
            void add(countyDistricts(chosenCounty.code, chosenCounty.name))
          }
        >
          Add {chosenCounty?.name ?? 'the county'}’s districts
        </button>
      </div>
      <div className="form-row">
        <label>
          Custom group name
          <input type="text" value={customName} onChange={(e) => setCustomName(e.target.value)} />
        </label>
        <label className="grow">
          Area codes
          <input
            type="text"
            value={customCodes}
            onChange={(e) => setCustomCodes(e.target.value)}
            placeholder="e.g. E09000002, E09000030, E09000025"
          />
        </label>
        <button type="button" onClick={addCustom}>
          Add custom group
        </button>
      </div>
      {message !== null && (
        <p
          className={message.kind === 'error' ? 'error' : 'muted'}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="peer-group-message"
        >
          {message.text}
        </p>
      )}
      {groups.length > 0 && (
        <ul className="peer-groups" data-testid="peer-groups">
          {groups.map(({ group, members }) => (
            <li key={group.id}>
              <details>
                <summary>
                  <strong>{group.name}</strong>{' '}
                  <span className="muted">({members.length} areas)</span>
                </summary>
                <p className="peer-members">{members.map((m) => m.name).join(', ')}</p>
              </details>
              <button
                type="button"
                className="link-button"
                aria-label={`Remove ${group.name}`}
                onClick={() => void remove(group.id)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
