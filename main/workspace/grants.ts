/**
 * Which workspace folders the renderer may touch. A folder is granted only when the user picks
 * it in main's folder dialog (`grantChosen`), or reopens one from the recent list, which holds
 * only folders picked that way before (`grantRecent`). Every workspace read/write asks
 * `requireGranted` first. Grants live in memory for the session; the recent list is persisted
 * by the injected store (main/workspace/recentStore.ts).
 */
import { absolutePathProblem, baseName } from '../../shared/ipc/paths';
import { IPC_LIMITS } from '../../shared/ipc/contract';
import { IpcFailure } from '../ipc/failure';

export interface RecentWorkspace {
  readonly root: string;
  readonly name: string;
  readonly lastOpenedAt: string;
}

export interface RecentStore {
  load(): Promise<readonly RecentWorkspace[]>;
  save(list: readonly RecentWorkspace[]): Promise<void>;
}

export interface GrantOptions {
  /** Windows and macOS compare paths case-insensitively. */
  readonly caseInsensitive: boolean;
  /** The platform's own normaliser (path.resolve); a granted root must already be in that form. */
  readonly resolve: (path: string) => string;
  readonly now: () => Date;
}

export class WorkspaceGrants {
  private readonly granted = new Map<string, string>();
  private recent: RecentWorkspace[] | null = null;

  constructor(
    private readonly store: RecentStore,
    private readonly options: GrantOptions,
  ) {}

  private key(root: string): string {
    return this.options.caseInsensitive ? root.toLowerCase() : root;
  }

  /** Rejects anything that is not a normalised absolute path in this platform's own form. */
  private checkShape(root: string): void {
    const problem = absolutePathProblem(root);
    if (problem !== null) throw new IpcFailure('invalid-request', `Workspace folder ${problem}.`);
    if (this.options.resolve(root) !== root)
      throw new IpcFailure(
        'invalid-request',
        'Workspace folder is not a normalised absolute path.',
      );
  }

  async recents(): Promise<readonly RecentWorkspace[]> {
    this.recent ??= [...(await this.store.load())];
    return this.recent;
  }

  /** The user chose this folder in the dialog just now. */
  async grantChosen(root: string): Promise<RecentWorkspace> {
    this.checkShape(root);
    return this.remember(root);
  }

  /** The user picked this folder from the recent list; it must be on it. */
  async grantRecent(root: string): Promise<RecentWorkspace> {
    this.checkShape(root);
    const known = (await this.recents()).some((r) => this.key(r.root) === this.key(root));
    if (!known)
      throw new IpcFailure(
        'not-granted',
        'That folder is not in the recent workspaces. Choose it with "Open workspace" instead.',
      );
    return this.remember(root);
  }

  /** Returns the granted root as main stored it (not as the renderer spelled it). */
  requireGranted(root: string): string {
    const stored = this.granted.get(this.key(root));
    if (stored === undefined)
      throw new IpcFailure(
        'not-granted',
        'That folder has not been opened as a workspace in this session. Open it first.',
      );
    return stored;
  }

  async forget(root: string): Promise<readonly RecentWorkspace[]> {
    const list = (await this.recents()).filter((r) => this.key(r.root) !== this.key(root));
    this.granted.delete(this.key(root));
    this.recent = list;
    await this.store.save(list);
    return list;
  }

  private async remember(root: string): Promise<RecentWorkspace> {
    this.granted.set(this.key(root), root);
    const entry: RecentWorkspace = {
      root,
      name: baseName(root),
      lastOpenedAt: this.options.now().toISOString(),
    };
    const others = (await this.recents()).filter((r) => this.key(r.root) !== this.key(root));
    this.recent = [entry, ...others].slice(0, IPC_LIMITS.maxRecentWorkspaces);
    await this.store.save(this.recent);
    return entry;
  }
}
