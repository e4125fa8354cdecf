import type { ScreeningCriteriaInput, ScreeningState, ScreeningStats } from '../../shared/api/contract';
import { screeningCriteriaOf, type ScreeningCriteria, type Screening, type ScreeningDecision } from '../../shared/model/library';
import { ApiFailure } from './api-failure';
import type { LibraryStore } from './library-store';

export interface ScreeningServiceDeps {
  /** The open library (another one may be opened while Sift runs). */
  store: () => LibraryStore;
  now: () => Date;
  newId: () => string;
  /** Told after every change that reached the disk. */
  onChanged: (reason: string, paperIds?: string[]) => void;
}

/**
 * Title/abstract screening: decisions on papers and the criteria they are made against.
 *
 * An exclusion stores both the reason's id and its label as it read then (`screening.reasonId`,
 * `screening.reason`): counts follow a reason through a rename, and a decision still says why
 * after its reason is deleted from the criteria.
 */
export class ScreeningService {
  constructor(private readonly deps: ScreeningServiceDeps) {}

  private get store(): LibraryStore {
    return this.deps.store();
  }

  criteria(): { criteria: ScreeningCriteria } {
    return { criteria: structuredClone(screeningCriteriaOf(this.store.data)) };
  }

  async setCriteria(input: ScreeningCriteriaInput): Promise<{ criteria: ScreeningCriteria }> {
    const criteria: ScreeningCriteria = {
      reasons: input.reasons.map((reason) => ({ id: reason.id ?? this.deps.newId(), label: reason.label })),
      includeKeywords: withoutRepeats(input.includeKeywords),
      excludeKeywords: withoutRepeats(input.excludeKeywords),
    };
    await this.store.transact((tx) => tx.replaceCollection('screeningCriteria', criteria));
    // No paper changed: an empty list tells the renderer's paper list there is nothing to fetch.
    this.deps.onChanged('screening-criteria', []);
    return { criteria: structuredClone(criteria) };
  }

  async decide(paperIds: readonly string[], decision: ScreeningDecision, reasonId?: string): Promise<{ changed: number; previous: ScreeningState[] }> {
    const wanted = [...new Set(paperIds)];
    this.requirePapers(wanted);
    let screening: Screening = { decision };
    if (decision !== 'undecided') screening.decidedAt = this.deps.now().toISOString();
    if (reasonId !== undefined) {
      const reason = screeningCriteriaOf(this.store.data).reasons.find((candidate) => candidate.id === reasonId);
      if (!reason) throw new ApiFailure('invalid-input', `No exclusion reason with id "${reasonId}" in the screening criteria`);
      screening = { ...screening, reason: reason.label, reasonId };
    }
    const previous = wanted.map((paperId) => ({ paperId, screening: structuredClone((this.store.getPaper(paperId) as { screening: Screening }).screening) }));
    const changedIds = await this.store.transact((tx) => {
      const changed: string[] = [];
      for (const { paperId, screening: before } of previous) {
        if (before.decision === decision && before.reasonId === screening.reasonId && before.reason === screening.reason) continue;
        const paper = tx.paper(paperId);
        paper.screening = { ...screening };
        paper.updatedAt = screening.decidedAt ?? this.deps.now().toISOString();
        changed.push(paperId);
      }
      return changed;
    });
    if (changedIds.length > 0) this.deps.onChanged('screening-decided', changedIds);
    return { changed: changedIds.length, previous };
  }

  async restore(states: readonly ScreeningState[]): Promise<{ changed: number }> {
    this.requirePapers(states.map((state) => state.paperId));
    const changedIds = await this.store.transact((tx) => {
      const now = this.deps.now().toISOString();
      const changed = new Set<string>();
      for (const { paperId, screening } of states) {
        const paper = tx.paper(paperId);
        if (sameScreening(paper.screening, screening)) continue;
        paper.screening = { ...screening };
        paper.updatedAt = now;
        changed.add(paperId);
      }
      return [...changed];
    });
    if (changedIds.length > 0) this.deps.onChanged('screening-restored', changedIds);
    return { changed: changedIds.length };
  }

  stats(paperIds?: readonly string[]): ScreeningStats {
    const { reasons } = screeningCriteriaOf(this.store.data);
    const stats: ScreeningStats = { identified: 0, screened: 0, undecided: 0, included: 0, maybe: 0, excluded: 0, reasons: [], noReason: 0, missing: 0 };
    const current = new Map(reasons.map((reason, index) => [reason.id, { reasonId: reason.id, number: index + 1, label: reason.label, count: 0 }]));
    /** Reasons no longer in the criteria, by the label the papers carry. */
    const former = new Map<string, { label: string; count: number }>();
    const count = (screening: Screening) => {
      stats.identified += 1;
      switch (screening.decision) {
        case 'undecided':
          stats.undecided += 1;
          return;
        case 'include':
          stats.included += 1;
          break;
        case 'maybe':
          stats.maybe += 1;
          break;
        case 'exclude': {
          stats.excluded += 1;
          const known = screening.reasonId === undefined ? undefined : current.get(screening.reasonId);
          const label = screening.reason?.trim();
          if (known) known.count += 1;
          else if (label) former.set(label, { label, count: (former.get(label)?.count ?? 0) + 1 });
          else stats.noReason += 1;
          break;
        }
      }
      stats.screened += 1;
    };
    if (paperIds) {
      for (const id of new Set(paperIds)) {
        const paper = this.store.getPaper(id);
        if (paper) count(paper.screening);
        else stats.missing += 1;
      }
    } else {
      for (const paper of this.store.data.papers) count(paper.screening);
    }
    const formerReasons = [...former.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    stats.reasons = [...current.values(), ...formerReasons];
    return stats;
  }

  private requirePapers(ids: readonly string[]): void {
    const missing = ids.find((id) => !this.store.getPaper(id));
    if (missing !== undefined) throw new ApiFailure('not-found', `No paper with id "${missing}" in this library`);
  }
}

/** Keywords once each, compared without case; the first spelling is kept. */
function withoutRepeats(keywords: readonly string[]): string[] {
  const seen = new Set<string>();
  return keywords.filter((keyword) => {
    const key = keyword.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sameScreening(a: Screening, b: Screening): boolean {
  return a.decision === b.decision && a.reason === b.reason && a.reasonId === b.reasonId && a.decidedAt === b.decidedAt;
}
