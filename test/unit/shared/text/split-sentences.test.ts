import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../../shared/text/split-sentences';

function sentences(text: string): string[] {
  return splitSentences(text).map(({ start, end }) => text.slice(start, end));
}

describe('splitSentences', () => {
  it.each([
    ['One. Two! Three? Four', ['One.', 'Two!', 'Three?', 'Four']],
    ['We use models, e.g. BERT and T5. They work.', ['We use models, e.g. BERT and T5.', 'They work.']],
    ['That is, i.e. Transformers. Done.', ['That is, i.e. Transformers.', 'Done.']],
    ['As Smith et al. (2020) showed. Next.', ['As Smith et al. (2020) showed.', 'Next.']],
    ['As Smith et al. Showed it.', ['As Smith et al. Showed it.']],
    ['Accuracy rose by 0.5 points. Then it fell.', ['Accuracy rose by 0.5 points.', 'Then it fell.']],
    ['Accuracy was 0.5. Then it fell.', ['Accuracy was 0.5.', 'Then it fell.']],
    ['See Fig. 3 and Eq. 2 for details. Also Sec. 4.', ['See Fig. 3 and Eq. 2 for details.', 'Also Sec. 4.']],
    ['Ours vs. Theirs. Done.', ['Ours vs. Theirs.', 'Done.']],
    ['Authored by J. Smith in the U.S. Army. Next one.', ['Authored by J. Smith in the U.S. Army.', 'Next one.']],
    ['It costs approx. five dollars. Cheap.', ['It costs approx. five dollars.', 'Cheap.']],
    ['He said "stop." Then left.', ['He said "stop."', 'Then left.']],
    ['Results (see appendix.) Then more.', ['Results (see appendix.)', 'Then more.']],
    ['Wait... What? 3 models won.', ['Wait...', 'What?', '3 models won.']],
    ['First paragraph without a stop\n\nSecond paragraph.', ['First paragraph without a stop', 'Second paragraph.']],
    ['  Padded.   Text.  ', ['Padded.', 'Text.']],
    ['', []],
  ])('%j', (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it('gives ranges without surrounding white space', () => {
    expect(splitSentences('  A b.  C d. ')).toEqual([
      { start: 2, end: 6 },
      { start: 8, end: 12 },
    ]);
  });
});
