import { readFileSync } from 'node:fs';
import { emptyLibrary, librarySchema, newPaper, type Author, type Library, type Paper, type PaperType, type ReadStatus, type Screening } from '../../shared/model/library';

/**
 * Deterministic synthetic libraries for benchmarks. Titles and abstracts come from word-bigram
 * (Markov) chains trained on the 66 real papers of resources/sample-library.json, so the text has
 * the vocabulary, word lengths and term frequencies of real abstracts: search engines and
 * exporters then do the same work they would on a real library of that size.
 *
 * Generation is prefix-stable: `syntheticPapers(1000, s)` equals the first 1000 papers of
 * `syntheticPapers(50000, s)`, so a benchmark can slice one large library into smaller ones.
 */

const sampleLibraryUrl = new URL('../../resources/sample-library.json', import.meta.url);

/** mulberry32: tiny, fast and good enough to make benchmark data; never for anything secret. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(readonly next: () => number) {}

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick() from an empty list');
    return item;
  }

  /** `count` distinct items, in drawing order. */
  distinct<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<T>();
    while (chosen.size < Math.min(count, items.length)) chosen.add(this.pick(items));
    return [...chosen];
  }

  /** An item chosen with the given relative weights (`[item, weight]` pairs). */
  weighted<T>(table: ReadonlyArray<readonly [T, number]>): T {
    const total = table.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [item, weight] of table) {
      roll -= weight;
      if (roll < 0) return item;
    }
    const last = table[table.length - 1];
    if (!last) throw new Error('weighted() from an empty table');
    return last[0];
  }
}

/** Marks the end of a training sequence in a successor list. */
const END = -1;

/**
 * A word-bigram chain over whitespace tokens. Successor lists keep duplicates, so picking a
 * uniform entry follows the seed's bigram frequencies without a weighted draw per word.
 */
class BigramModel {
  readonly tokens: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly building: number[][] = [];
  successors: Int32Array[] = [];

  idOf(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.tokens.length;
      this.ids.set(token, id);
      this.tokens.push(token);
      this.building.push([]);
    }
    return id;
  }

  has(token: string): boolean {
    return this.ids.has(token);
  }

  addSequence(tokens: readonly string[]): number[] {
    const ids = tokens.map((token) => this.idOf(token));
    ids.forEach((id, index) => this.building[id]?.push(ids[index + 1] ?? END));
    return ids;
  }

  freeze(): void {
    this.successors = this.building.map((list) => Int32Array.from(list));
  }

  next(id: number, dice: Dice): number {
    const list = this.successors[id];
    if (!list || list.length === 0) return END;
    return list[Math.floor(dice.next() * list.length)] ?? END;
  }
}

/** Abbreviations end in a full stop without ending the sentence. */
const ABBREVIATION = /(?:^|\()(?:e\.g|i\.e|et al|al|vs|v\.s|cf|etc|Fig|Eq|resp)\.$/i;

function endsSentence(token: string): boolean {
  return /[.!?]["')\]]*$/.test(token) && !ABBREVIATION.test(token);
}

/** Joining words a title chain can continue with when its seed title ended too early. */
const TITLE_CONNECTORS = ['for', 'with', 'via', 'and', 'in', 'from', 'through', 'of'];

/** Words a generated title must not end on. */
const TITLE_DANGLING = new Set(['a', 'an', 'the', 'of', 'for', 'with', 'via', 'and', 'in', 'from', 'through', 'to', 'on', 'by', 'at', 'or', 'as', 'that', 'without', 'over', 'v.s.', 'or,']);

export const TITLE_MIN_WORDS = 6;
export const TITLE_MAX_WORDS = 16;
/** The seed abstracts run from 1,393 to 1,907 characters. */
export const ABSTRACT_MIN_CHARS = 1400;
export const ABSTRACT_MAX_CHARS = 1900;
/** A chain that has not reached a full stop by then is looping; start the sentence over. */
const SENTENCE_MAX_WORDS = 80;

interface SeedModel {
  abstracts: BigramModel;
  /** Token ids that begin a sentence in some seed abstract. */
  sentenceStarts: number[];
  titles: BigramModel;
  titleStarts: number[];
  connectors: number[];
  /** Word counts of the seed titles, clamped to the generated range. */
  titleLengths: number[];
}

let seedModel: SeedModel | undefined;

/** The seed papers' titles and abstracts, exactly as the bigram models see them. */
export function seedTexts(): { titles: string[]; abstracts: string[] } {
  const library = librarySchema.parse(JSON.parse(readFileSync(sampleLibraryUrl, 'utf8')));
  return {
    titles: library.papers.map((paper) => paper.title),
    abstracts: library.papers.flatMap((paper) => (paper.abstract ? [paper.abstract] : [])),
  };
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word.length > 0);
}

function model(): SeedModel {
  if (seedModel) return seedModel;
  const { titles: seedTitles, abstracts: seedAbstracts } = seedTexts();
  const abstracts = new BigramModel();
  const sentenceStarts: number[] = [];
  for (const abstract of seedAbstracts) {
    const ids = abstracts.addSequence(words(abstract));
    ids.forEach((id, index) => {
      const previous = index === 0 ? undefined : abstracts.tokens[ids[index - 1] ?? 0];
      const token = abstracts.tokens[id] ?? '';
      // Capitalised starts only: "(i.e." mid-sentence would otherwise begin new sentences.
      if ((previous === undefined || endsSentence(previous)) && /^[A-Z]/.test(token)) sentenceStarts.push(id);
    });
  }
  abstracts.freeze();
  const titles = new BigramModel();
  const titleStarts: number[] = [];
  const titleLengths: number[] = [];
  for (const title of seedTitles) {
    const ids = titles.addSequence(words(title));
    if (ids[0] !== undefined) titleStarts.push(ids[0]);
    titleLengths.push(Math.min(TITLE_MAX_WORDS, Math.max(TITLE_MIN_WORDS, ids.length)));
  }
  titles.freeze();
  const connectors = TITLE_CONNECTORS.filter((word) => titles.has(word)).map((word) => titles.idOf(word));
  seedModel = { abstracts, sentenceStarts, titles, titleStarts, connectors, titleLengths };
  return seedModel;
}

function sentence(seed: SeedModel, dice: Dice): string[] {
  const { abstracts } = seed;
  for (;;) {
    let id = dice.pick(seed.sentenceStarts);
    const out: string[] = [];
    while (out.length < SENTENCE_MAX_WORDS) {
      const token = abstracts.tokens[id] ?? '';
      out.push(token);
      if (endsSentence(token)) return out;
      id = abstracts.next(id, dice);
      if (id === END) return out;
    }
  }
}

function textLength(tokens: readonly string[]): number {
  return tokens.reduce((sum, token) => sum + token.length, 0) + Math.max(0, tokens.length - 1);
}

function abstractText(seed: SeedModel, dice: Dice): string {
  // Skewed towards the short end of the seed's range (mean ≈1,500 against the seed's 1,636) so that
  // 50k papers with authors, tags and notes make a file near the ≈100 MB of the research baselines.
  const target = ABSTRACT_MIN_CHARS + Math.floor((ABSTRACT_MAX_CHARS - ABSTRACT_MIN_CHARS - 50) * dice.next() ** 4);
  const tokens: string[] = [];
  let length = 0;
  for (let misses = 0; length < target; ) {
    // Seed sentences run ≈160 characters: near the end, the best of a few tries lands nearest the
    // target instead of overshooting it by half a sentence on average.
    const tries = target - length < 300 ? 5 : 1;
    let best: string[] | undefined;
    let bestEnd = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < tries; attempt += 1) {
      const next = sentence(seed, dice);
      const end = length + textLength(next) + (tokens.length > 0 ? 1 : 0);
      if (end <= ABSTRACT_MAX_CHARS && Math.abs(end - target) < Math.abs(bestEnd - target)) {
        best = next;
        bestEnd = end;
      }
    }
    if (length >= ABSTRACT_MIN_CHARS && (!best || target - length <= Math.abs(bestEnd - target))) break;
    if (best) {
      tokens.push(...best);
      length = bestEnd;
    } else if ((misses += 1) > 20) {
      // Practically unreachable (only run-on sentences drawn): fill up word by word, ending mid-sentence.
      while (length < ABSTRACT_MIN_CHARS) {
        for (const token of sentence(seed, dice)) {
          const end = length + token.length + (tokens.length > 0 ? 1 : 0);
          if (end > ABSTRACT_MAX_CHARS) break;
          tokens.push(token);
          length = end;
        }
      }
      break;
    }
  }
  return tokens.join(' ');
}

function titleText(seed: SeedModel, dice: Dice): string {
  const { titles } = seed;
  const wanted = dice.pick(seed.titleLengths);
  const ids = [dice.pick(seed.titleStarts)];
  while (ids.length < TITLE_MAX_WORDS) {
    const current = ids[ids.length - 1] ?? END;
    const list = titles.successors[current] ?? new Int32Array();
    const canEnd = list.includes(END);
    if (canEnd && ids.length >= wanted) break;
    let choices = list.filter((id) => id !== END);
    // Near the wanted length, steer towards words that end some seed title, or the chain overshoots.
    if (ids.length >= wanted - 1) {
      const endable = choices.filter((id) => titles.successors[id]?.includes(END));
      if (endable.length > 0) choices = endable;
    }
    // The seed title ended here but this one is still short: join another phrase ("… via …").
    ids.push(choices.length > 0 ? (choices[Math.floor(dice.next() * choices.length)] ?? END) : dice.pick(seed.connectors));
  }
  const out = ids.map((id) => titles.tokens[id] ?? '');
  while (out.length > TITLE_MIN_WORDS && TITLE_DANGLING.has((out[out.length - 1] ?? '').toLowerCase())) out.pop();
  return out.join(' ').replace(/[:,;]$/, '');
}

/** Written out so that author search meets real-world spellings: diacritics, particles, hyphens. */
const NAMES = `
Müller, Jonas; Schäfer, Lena; Weiß, Tobias; Köhler, Anna; Groß, Matthias; Bräuer, Katrin; Schröder, Felix;
Hoffmann, Julia; Krüger, Stefan; Vogel, Miriam; Grošelj, Nejc; Kovačič, Tjaša; Horvat, Luka; Novák, Jakub;
Dvořák, Tereza; Wiśniewski, Paweł; Kowalczyk, Agnieszka; Łukasik, Michał; Jovanović, Milica; Petrović, Nikola;
Šimić, Ivana; Zupančič, Matej; Černý, Ondřej; Nowak, Zofia; Błaszczyk, Tomasz; Procházková, Kateřina;
Zieliński, Krzysztof; Dubois, Camille; Lefèvre, Étienne; Moreau, Chloé; Girard, Théo; Rousseau, Amélie;
Lambert, Hugo; Faure, Léa; Mercier, Baptiste; Chevalier, Inès; Bonnet, Mathieu; García, Lucía;
Martínez, Alejandro; Fernández, Sofía; López, Javier; Sánchez, Marta; Rodríguez, Diego; Gómez, Valentina;
Peña, Andrés; Muñoz, Carmen; Conceição, João; Gonçalves, Beatriz; Araújo, Tiago; Simões, Inês; Ribeiro, Gabriel;
Nascimento, Larissa; Oliveira, Mariana; Carvalho, Rafael; Pérez, Camila; Hernández, Mateo; Castillo, Renata;
Rossi, Giulia; Bianchi, Lorenzo; Esposito, Chiara; Ricci, Matteo; Romano, Francesca; Colombo, Alessandro;
De Luca, Martina; Galli, Riccardo; Conti, Elena; Mancini, Davide; van den Berg, Sanne; de Vries, Daan;
Jansen, Femke; Bakker, Thijs; Visser, Lotte; Janssens, Pieter; Andersen, Mette; Nielsen, Rasmus;
Johansson, Elin; Lindqvist, Oskar; Håkansson, Ingrid; Sørensen, Magnus; Järvinen, Aino; Virtanen, Eero;
Jónsdóttir, Katrín; Østergaard, Freja; Yılmaz, Emre; Şahin, Zeynep; Öztürk, Mehmet; Çelik, Elif; Aydın, Burak;
Papadopoulos, Dimitris; Georgiou, Eleni; Konstantinidis, Nikos; Szabó, Réka; Tóth, Bence; Nagy, Eszter;
Kiss, Ádám; Popescu, Andrei; Ionescu, Ioana; Ștefănescu, Radu; Ivanov, Sergey; Smirnova, Anastasia;
Kuznetsov, Dmitry; Shevchenko, Oksana; Kovalenko, Yaroslav; Volkova, Ekaterina; O'Brien, Siobhán;
Murphy, Ciarán; Smith, Emily; Johnson, Michael; Williams, Sarah; Brown, David; Taylor, Rachel; Davies, Owen;
Evans, Hannah; Thompson, James; Walker, Olivia; Clarke, Benjamin; MacLeod, Fiona; Robinson, Daniel;
Wright, Grace; Anderson, Christopher; Miller, Jessica; Garcia-Lopez, Daniel; Chatterjee, Ananya;
Banerjee, Arjun; Mukherjee, Sourav; Sharma, Priya; Gupta, Rohan; Iyer, Lakshmi; Krishnan, Vikram; Reddy, Sneha;
Patel, Kavya; Nair, Aditya; Desai, Meera; Singh, Harpreet; Rao, Karthik; Bhattacharya, Ishaan; Menon, Divya;
Venkataraman, Srinivasan; Kumar, Abhishek; Wang, Wei; Li, Xiaoming; Zhang, Yiran; Liu, Yang; Chen, Jing;
Yang, Hao; Huang, Zihan; Zhao, Lei; Wu, Mingyu; Zhou, Xinyi; Xu, Jiahui; Sun, Qiang; Ma, Lin; Zhu, Yuxuan;
Hu, Tianyi; Guo, Shuo; Lin, Yu-Ting; Tsai, Chia-Hsuan; Lam, Ka Wai; Cheung, Wing Sze; Tanaka, Yuki;
Suzuki, Haruto; Takahashi, Aoi; Watanabe, Sota; Nakamura, Rin; Kobayashi, Kenta; Yamamoto, Saki; Sato, Daiki;
Ito, Mei; Saitō, Ren; Kim, Minjun; Lee, Seo-yeon; Park, Ji-ho; Choi, Yuna; Jung, Hyun-woo; Kang, Da-eun;
Nguyễn, Minh Anh; Trần, Quang Huy; Phạm, Thu Trang; Santoso, Budi; Wijaya, Putri; Tan, Wei Ling;
Lim, Jun Hao; Reyes, Maria Clara; Dela Cruz, Paolo; Haddad, Rania; Khalil, Omar; Al-Sayed, Youssef;
Nasser, Layla; Cohen, Noa; Levi, Itai; Mizrahi, Yael; Hosseini, Reza; Karimi, Shirin; Tehrani, Arash;
Rahimi, Parisa; Okafor, Chinedu; Adeyemi, Funmilayo; Mensah, Kwame; Owusu, Ama; Kamau, Wanjiru;
Otieno, Brian; Ndlovu, Thandiwe; Dlamini, Sipho; Abebe, Selam; Diallo, Aminata; Traoré, Moussa;
Ben Salah, Yasmine; Fitzgerald, Aoife; Ó Súilleabháin, Seán; Costa, Duarte; Almeida, Letícia;
Schmidt, Lukas; Fischer, Hannah; Wagner, Maximilian; Becker, Sophie; Hartmann, Niklas
`;

/** The fixed author pool: about 200 people. */
export const syntheticAuthors: readonly Author[] = NAMES.split(';').map((entry) => {
  const [family = '', given = ''] = entry.split(',').map((part) => part.trim());
  return { family, given };
});

/** [name, type] pairs; a venue decides the paper type, as it does in real libraries. */
const VENUES: ReadonlyArray<readonly [string, PaperType]> = [
  ['NeurIPS', 'inproceedings'],
  ['ICML', 'inproceedings'],
  ['ICLR', 'inproceedings'],
  ['ACL', 'inproceedings'],
  ['EMNLP', 'inproceedings'],
  ['NAACL', 'inproceedings'],
  ['COLING', 'inproceedings'],
  ['AAAI', 'inproceedings'],
  ['IJCAI', 'inproceedings'],
  ['CVPR', 'inproceedings'],
  ['ICCV', 'inproceedings'],
  ['ECCV', 'inproceedings'],
  ['KDD', 'inproceedings'],
  ['The Web Conference', 'inproceedings'],
  ['SIGIR', 'inproceedings'],
  ['CHI', 'inproceedings'],
  ['AAMAS', 'inproceedings'],
  ['CoRL', 'inproceedings'],
  ['ICRA', 'inproceedings'],
  ['UAI', 'inproceedings'],
  ['AISTATS', 'inproceedings'],
  ['COLT', 'inproceedings'],
  ['Nature', 'article'],
  ['Science', 'article'],
  ['Nature Machine Intelligence', 'article'],
  ['Journal of Machine Learning Research', 'article'],
  ['Transactions on Machine Learning Research', 'article'],
  ['IEEE Transactions on Pattern Analysis and Machine Intelligence', 'article'],
  ['Artificial Intelligence', 'article'],
  ['IEEE Transactions on Games', 'article'],
  ['arXiv', 'preprint'],
];

/** Tag names as users write them: flat, nested with "/", with spaces. */
export const syntheticTagNames: readonly string[] = [
  'rlhf', 'alignment', 'llm', 'benchmark', 'dataset', 'survey', 'to-read', 'important', 'reproduce', 'theory',
  'efficiency', 'safety', 'multimodal', 'agents', 'reasoning', 'related-work', 'chapter 2', 'baseline',
  'negative result', 'open source', 'method/rl', 'method/dpo', 'method/distillation', 'method/diffusion',
  'method/transformer', 'method/retrieval', 'method/self-play', 'domain/games', 'domain/robotics', 'domain/vision',
  'domain/code', 'domain/math', 'domain/medicine', 'domain/nlp', 'eval/human', 'eval/automatic', 'eval/leaderboard',
  'data/synthetic', 'data/preference', 'data/curation',
];

const EXCLUSION_REASONS = ['out of scope', 'not empirical', 'duplicate of an included paper', 'wrong population', 'no full text'];

/** Every timestamp derives from this instant, so two runs produce byte-identical libraries. */
const EPOCH = Date.UTC(2025, 0, 6, 9, 0, 0);
const MINUTE = 60_000;

function yearOf(dice: Dice): number {
  // A power skew: about a quarter of the papers are from the last three years, as in a current review.
  return 2025 - Math.floor(26 * dice.next() ** 1.6);
}

function citationKey(authors: readonly Author[], year: number, title: string): string {
  const first = authors[0];
  const family = first && 'family' in first ? first.family : 'anon';
  const word = title.split(/[^\p{L}\p{N}]+/u).find((part) => part.length > 3) ?? 'paper';
  const ascii = (text: string) => text.normalize('NFD').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  return `${ascii(family)}${year}${ascii(word)}`;
}

function noteBody(seed: SeedModel, dice: Dice): string {
  const points = Array.from({ length: dice.int(1, 3) }, () => `- ${sentence(seed, dice).join(' ')}`);
  const heading = dice.pick(['## Summary', '## Key points', '## Notes', '### Why it matters']);
  return `${heading}\n\n${points.join('\n')}\n\n**Relevance:** ${dice.pick(['high', 'medium', 'low'])}. See *related work* before citing.`;
}

function paperAt(index: number, seed: SeedModel, dice: Dice): Paper {
  const id = `syn-${String(index + 1).padStart(6, '0')}`;
  const title = titleText(seed, dice);
  const abstract = abstractText(seed, dice);
  const authors = dice.distinct(syntheticAuthors, dice.weighted([[1, 2], [2, 4], [3, 5], [4, 4], [5, 2], [6, 1], [7, 1], [8, 1]]));
  const year = yearOf(dice);
  const venueEntry = dice.chance(0.95) ? dice.pick(VENUES) : undefined;
  const type: PaperType = venueEntry?.[1] ?? 'misc';
  const tags = dice.distinct(syntheticTagNames, dice.weighted([[0, 3], [1, 4], [2, 2], [3, 1]]));
  const status = dice.weighted<ReadStatus>([['unread', 55], ['reading', 15], ['read', 30]]);
  const decision = dice.weighted<Screening['decision']>([['undecided', 50], ['include', 20], ['maybe', 12], ['exclude', 18]]);
  const addedMs = EPOCH + index * 7 * MINUTE;
  const addedAt = new Date(addedMs).toISOString();
  const updatedAt = decision === 'undecided' && status === 'unread' ? addedAt : new Date(addedMs + 3 * 24 * 60 * MINUTE).toISOString();
  const screening: Screening = decision === 'undecided' ? { decision } : { decision, decidedAt: updatedAt };
  if (decision === 'exclude' && dice.chance(0.5)) screening.reason = dice.pick(EXCLUSION_REASONS);
  const paper = newPaper(
    {
      id,
      type,
      title,
      authors,
      year,
      abstract,
      keywords: [],
      tags,
      status,
      rating: dice.chance(0.7) ? 0 : dice.int(1, 5),
      screening,
    },
    addedAt,
  );
  paper.updatedAt = updatedAt;
  // Papers added by hand have no import record.
  if (dice.chance(0.6)) {
    const format = dice.pick(['bibtex', 'ris', 'paste:daily-papers', 'pdf']);
    paper.source = { format, importedAt: addedAt };
    if (format === 'bibtex') paper.citationKey = citationKey(authors, year, title);
  }
  if (venueEntry) paper.venue = venueEntry[0];
  if (type === 'preprint') {
    const arxivId = `${String(year % 100).padStart(2, '0')}${String(dice.int(1, 12)).padStart(2, '0')}.${String(dice.int(0, 99_999)).padStart(5, '0')}`;
    paper.arxivId = arxivId;
    paper.doi = `10.48550/arXiv.${arxivId}`;
  } else if (dice.chance(0.7)) {
    paper.doi = `10.${dice.int(1000, 9999)}/${id}`;
  }
  if (dice.chance(0.1)) {
    paper.notes = [{ id: `${id}-note-1`, body: noteBody(seed, dice), createdAt: updatedAt, updatedAt }];
  }
  return paper;
}

/** `count` synthetic papers, the same for the same seed; the first n of a larger set equal a set of n. */
export function syntheticPapers(count: number, seed = 1): Paper[] {
  const seedModelNow = model();
  const dice = new Dice(mulberry32(seed));
  const papers: Paper[] = [];
  for (let index = 0; index < count; index += 1) papers.push(paperAt(index, seedModelNow, dice));
  return papers;
}

/** A whole library of `count` synthetic papers, with every tag they use declared. */
export function syntheticLibrary(count: number, seed = 1): Library {
  const library = emptyLibrary();
  library.papers = syntheticPapers(count, seed);
  const used = new Set(library.papers.flatMap((paper) => paper.tags));
  library.tags = syntheticTagNames.filter((name) => used.has(name)).map((name) => ({ name }));
  return library;
}
