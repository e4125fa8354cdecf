import { describe, expect, it } from 'vitest';
import { citationKeys, SAFE_CITATION_KEY } from '../../../../shared/export/citation-keys';
import { newPaper, type Paper } from '../../../../shared/model/library';

let added = 0;
function paper(id: string, fields: Partial<Paper> = {}): Paper {
  added += 1;
  return newPaper({ id, title: 'Attention Is All You Need', authors: [{ family: 'Vaswani', given: 'Ashish' }], year: 2017, ...fields }, `2026-01-01T00:00:${String(added).padStart(2, '0')}.000Z`);
}

const keysOf = (papers: Paper[]) => papers.map((one) => citationKeys(papers).get(one.id));

describe('citation keys', () => {
  it.each([
    ['its own key', { citationKey: 'Vaswani:2017' }, 'Vaswani:2017'],
    ['author, year and first title word', {}, 'vaswani2017attention'],
    ['the first word that is not a stop word', { title: 'On the Origin of Species' }, 'vaswani2017origin'],
    ['the family name of a name with particles, in ASCII', { authors: [{ family: 'van der Wäals', given: 'J.' }] }, 'vanderwaals2017attention'],
    ['the first word of an institution', { authors: [{ literal: 'World Health Organization' }] }, 'world2017attention'],
    ['the title word first without an author', { authors: [] }, 'attention2017'],
    ['no year when there is none', { year: undefined }, 'vaswaniattention'],
    ['"paper" when nothing is left', { authors: [{ family: '北京' }], title: '注意', year: undefined }, 'paper'],
    ['an unsafe key folded to ASCII and stripped', { citationKey: 'Müller 2019, {draft}' }, 'Muller2019draft'],
    ['a made key for an own key with nothing usable', { citationKey: '{}' }, 'vaswani2017attention'],
  ])('uses %s', (_what, fields, expected) => {
    expect(keysOf([paper('a', fields)])).toEqual([expected]);
  });

  it('makes keys unique with a, b, c; the paper added first keeps the plain key', () => {
    const papers = [paper('x'), paper('y'), paper('z')];
    expect(keysOf(papers)).toEqual(['vaswani2017attention', 'vaswani2017attentiona', 'vaswani2017attentionb']);
  });

  it('gives a contested key to the paper that owns it, wherever it is', () => {
    const papers = [paper('made'), paper('owner', { citationKey: 'vaswani2017attention' })];
    expect(keysOf(papers)).toEqual(['vaswani2017attentiona', 'vaswani2017attention']);
  });

  it('never hands out a suffixed key that another paper owns', () => {
    const papers = [paper('one', { citationKey: 'k' }), paper('two', { citationKey: 'k' }), paper('three', { citationKey: 'ka' })];
    expect(keysOf(papers)).toEqual(['k', 'kb', 'ka']);
  });

  it('gives the same keys whatever the order of the papers', () => {
    const papers = [paper('p1'), paper('p2', { citationKey: 'vaswani2017attention' }), paper('p3'), paper('p4', { year: 2018 })];
    const forward = citationKeys(papers);
    const backward = citationKeys([...papers].reverse());
    expect([...backward].sort()).toEqual([...forward].sort());
  });

  it('keeps every key ASCII-safe', () => {
    const papers = [paper('a', { citationKey: 'α-β γ' }), paper('b', { citationKey: 'ok_key:1.2+3/4*5!?@-6' }), paper('c', { authors: [{ family: 'Ñúñez' }] })];
    for (const key of citationKeys(papers).values()) expect(key).toMatch(SAFE_CITATION_KEY);
    expect(keysOf(papers)).toEqual(['vaswani2017attention', 'ok_key:1.2+3/4*5!?@-6', 'nunez2017attention']);
  });
});
