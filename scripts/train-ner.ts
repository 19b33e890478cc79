/**
 * Train the NER model: `npx tsx scripts/train-ner.ts [--out dictionaries/models/ner.bin.gz]
 * [--epochs 10] [--bits 22] [--prune 1] [--gaz-min 2] [--no-cluener] [--cluener-weight 1] [--seed 1]
 * [--select] [--eval-every] [--no-dictionary] [--bio-half even|odd|none] [--bio-weight 1]
 * [--no-bio-convention] [--convention-templates 0,3,...|all] [--pa 120] [--pa-clip 4] [--no-msr]
 * [--pd-tagging both|full|jackknife] [--data DIR]`.
 *
 * Trains on People's Daily Jan 1–20 1998 (+ CLUENER train rows in the first 80%, names and
 * organizations, as partial annotation, + the even-indexed sentences of pd1998-ner/example.dev with
 * convention-specific feature copies), holds out PD Jan 21–25 and the odd example.dev sentences as
 * test data, and writes the gzip
 * model plus a JSON metadata file next to it. `--select` trains on Jan 1–17 and scores Jan 18–20
 * instead: the split used to choose features and the number of epochs (defaults = the shipped model);
 * with `--select` CLUENER trains on rows 0–60% and rows 60–80% are scored too. The data sets are read
 * from `--data DIR`, else $ZHTAG_DATA, else ../shared/data (scripts/data.ts).
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { type RecordItemsOptions, recordToItems } from '../src/ner/dataset.js';
import { NUM_TAGS } from '../src/ner/decode.js';
import { dictionaryNames } from '../src/ner/dictnames.js';
import {
  type BioHalf,
  bioHalf,
  evaluateSpans,
  type GoldRecord,
  otherHalf,
  pdWords,
  readBio,
  readCluener,
  readPd,
  taggerWithout,
} from '../src/ner/eval.js';
import { CONVENTION_TEMPLATES, NUM_FEATURES } from '../src/ner/features.js';
import { Gazetteer } from '../src/ner/gazetteer.js';
import { NER_LABELS } from '../src/ner/labels.js';
import { Lexicon } from '../src/ner/lexicon.js';
import { decodeParams, encodeParams, NerModel } from '../src/ner/model.js';
import { rng, Trainer, type TrainItem } from '../src/ner/trainer.js';
import { WordHashes } from '../src/ner/wordhash.js';
import { dataDir as dataDirOf } from './data.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const text = (fallback: string) => ({ type: 'string', default: fallback }) as const;
const flag = { type: 'boolean', default: false } as const;
const { values: args } = parseArgs({
  options: {
    out: text('dictionaries/models/ner.bin.gz'),
    data: { type: 'string' },
    epochs: text('10'),
    bits: text('22'),
    seed: text('1'),
    prune: text('1'),
    limit: text('0'),
    select: flag,
    'eval-every': flag,
    'no-cluener': flag,
    'cluener-loc-anywhere': flag,
    'cluener-weight': text('1'),
    'pd-tagging': text('both'),
    'gaz-min': text('2'),
    'no-gazetteer': flag,
    'no-dictionary': flag,
    'no-msr': flag,
    'no-known-places': flag,
    'known-dictionary-places': flag,
    'bio-half': text('even'),
    'bio-weight': text('1'),
    'no-bio-convention': flag,
    'convention-templates': text(''),
    pa: text('120'),
    'pa-clip': text('4'),
  },
});
const dataDir = dataDirOf(args.data);
const outPath = path.resolve(repoRoot, args.out);
const epochs = Number(args.epochs);
const bits = Number(args.bits);
const seed = Number(args.seed);
const minAbs = Number(args.prune);
const useCluener = !args['no-cluener'];
// --cluener-loc-anywhere: the former CLUENER setting (LOC allowed anywhere outside names/organizations)
const locAnywhere = args['cluener-loc-anywhere'];
const limit = Number(args.limit);

const t0 = Date.now();
const log = (msg: string): void => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

const pdPath = path.join(dataDir, 'pd1998', '199801-01to25.txt');
if (!existsSync(pdPath)) {
  console.error(`missing ${pdPath} (set ZHTAG_DATA)`);
  process.exit(1);
}
const dateOf = (id: string): number => Number(id.slice(0, 8));
// --select: model selection inside the training days (train Jan 1–17, score on Jan 18–20), so that
// choices (features, epochs) never look at the held-out Jan 21–25
const select = args.select;
const trainTo = select ? 19980117 : 19980120;
const [devFrom, devTo] = select ? [19980118, 19980120] : [19980121, 19980125];
let train: GoldRecord[] = readPd(pdPath, (id) => dateOf(id) <= trainTo);
const dev = readPd(pdPath, (id) => dateOf(id) >= devFrom && dateOf(id) <= devTo);
if (limit > 0) train = train.slice(0, limit);
log(`PD train ${train.length} paragraphs (to ${trainTo}), dev ${dev.length} (${devFrom}..${devTo})`);

const jieba = Jieba.withDict(dict);
const lex = new Lexicon();
const K = 5;
const foldOf = (rec: GoldRecord): number => Number((rec.id ?? '').slice(6, 8)) % K;
// --pd-tagging both|full|jackknife (default both): jieba's dictionary was compiled with People's
// Daily 1998 counts (it lists 鄢家河村 4 ns and 强强 31, their counts in January), so it knows every
// rare word of our training days, and the held-out days' too (60% of the 8.8k words that only Jan
// 21-25 use). Tagged with it, a training paragraph's rare names come out whole with tags nr / ns / nt,
// and the model learns to trust tags that text the dictionary never saw does not get. `jackknife`
// tags each paragraph with a dictionary without the words that only its fold uses (folds by day, as
// for the gazetteer); `both` trains on each paragraph twice, tagged both ways. Selection split (PD
// Jan 18-20 through the pipeline, then the same days with a dictionary without the words only they
// use; CLUENER names and the example.dev quarter from this script), seeds 1 / 2:
//   full       0.903 / 0.901   without their words 0.888 / 0.885   CLUENER 0.769 / 0.766   ex.dev 0.827 / 0.831
//   jackknife  0.898           0.895                               0.770                   0.834
//   both       0.909 / 0.908   0.904 / 0.903                       0.765 / 0.759           0.832 / 0.837
//   full twice 0.907           0.893                               0.759                   0.829
// (`full twice`: each paragraph twice with the full dictionary, the weight `both` gives People's Daily.)
const pdTagging = args['pd-tagging'];
if (!['both', 'full', 'jackknife'].includes(pdTagging)) {
  throw new Error(`--pd-tagging must be both, full or jackknife, got ${pdTagging}`);
}
const foldTaggers = pdTagging === 'full' ? undefined : foldDictionaries(pdPath, trainTo);

/** One jieba per fold: its dictionary without the People's Daily words that only that fold uses. */
function foldDictionaries(file: string, lastDay: number): Jieba[] {
  const folds = Array.from({ length: K }, (_, k) =>
    pdWords(file, (id) => dateOf(id) <= lastDay && Number(id.slice(6, 8)) % K === k),
  );
  return folds.map((own, k) => {
    const only = new Set([...own].filter((w) => !folds.some((other, j) => j !== k && other.has(w))));
    log(`fold ${k}: ${only.size} words only it uses, left out of its dictionary`);
    return taggerWithout(only);
  });
}
const items: TrainItem[] = [];
// Gazetteer features are jackknifed: a training paragraph sees names collected from the other
// folds only (folds by day), so the model does not learn to trust a gazetteer that is always right.
const gazMin = Number(args['gaz-min']);
const useGaz = !args['no-gazetteer'];
const gazEntries = useGaz ? Gazetteer.collect(train, gazMin) : {};
const foldGaz: Gazetteer[] = [];
for (let k = 0; k < K; k++) {
  foldGaz.push(
    new Gazetteer(
      useGaz
        ? Gazetteer.collect(
            train.filter((r) => foldOf(r) !== k),
            gazMin,
          )
        : {},
    ),
  );
}
const fullGaz = new Gazetteer(gazEntries);
log(`gazetteer: ${fullGaz.size} names`);
// dictionary gazetteer: shipped place / organization lists and world places (--no-dictionary: none)
const dictEntries = args['no-dictionary']
  ? undefined
  : dictionaryNames(path.join(repoRoot, 'dictionaries', 'gazetteer'));
const dictGaz = dictEntries ? new Gazetteer(dictEntries) : undefined;
log(`dictionary gazetteer: ${dictGaz?.size ?? 0} names`);
// external segmentation vocabulary: the MSR word list of SIGHAN 2005 (news of another source than
// People's Daily; MSR keeps named entities whole). The model file holds only the hashes of its words
// and their prefixes (wordhash.ts), never the list (research use). --no-msr: none
const msrPath = path.join(dataDir, 'sighan2005', 'msr_training_words.utf8');
const segWords =
  !args['no-msr'] && existsSync(msrPath)
    ? WordHashes.fromWords(readFileSync(msrPath, 'utf8').split('\n'))
    : undefined;
log(`segmentation vocabulary: ${segWords?.keys.length ?? 0} hashed words and prefixes`);
// --known-dictionary-places: CLUENER rows may also take LOC on the dictionary's place names
const knownPlaces = args['no-known-places']
  ? undefined
  : [
      ...new Set([
        ...(gazEntries.LOC ?? []),
        ...(args['known-dictionary-places'] ? (dictEntries?.LOC ?? []) : []),
      ]),
    ];
// What every training window is built with; People's Daily windows swap in their fold's tagger and
// gazetteer (jackknifed), the others read the gazetteer of all training days.
const windowOptions: RecordItemsOptions = {
  tagger: jieba,
  lexicon: lex,
  bits,
  gazetteer: fullGaz,
  ...(dictGaz ? { dictionary: dictGaz } : {}),
  ...(segWords ? { words: segWords } : {}),
};
for (const rec of train) {
  const fold = foldOf(rec);
  const taggers =
    foldTaggers === undefined
      ? [jieba]
      : pdTagging === 'both'
        ? [jieba, foldTaggers[fold]]
        : [foldTaggers[fold]];
  for (const tagger of taggers) {
    items.push(
      ...recordToItems(rec, { ...windowOptions, tagger: tagger ?? jieba, gazetteer: foldGaz[fold] }),
    );
  }
}
let nPd = items.length;
const nPdWindows = nPd;
const cluenerPath = path.join(dataDir, 'cluener2020', 'train.json');
let cluenerRows = 0;
// --select also holds out CLUENER rows 60–80% (trains on 0–60%) for a second selection score
let cluenerDev: GoldRecord[] = [];
if (useCluener && existsSync(cluenerPath)) {
  const total = readFileSync(cluenerPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim()).length;
  const rows = readCluener(cluenerPath, 0, Math.floor(total * (select ? 0.6 : 0.8)));
  if (select) cluenerDev = readCluener(cluenerPath, Math.floor(total * 0.6), Math.floor(total * 0.8));
  cluenerRows = rows.length;
  for (const rec of rows) {
    // CLUENER addresses are whole multi-level addresses (PD splits them into places): names and
    // organizations are forced, places may be tagged LOC only inside an address, elsewhere O
    const part = { ...rec, entities: rec.entities.filter((e) => e.label !== 'LOC') };
    const addresses: Array<{ start: number; end: number }> = rec.entities.filter((e) => e.label === 'LOC');
    // CLUENER leaves most country and city names outside addresses unlabelled: where a place name
    // known from the PD training days occurs, LOC tags stay allowed too
    if (knownPlaces) {
      for (const name of knownPlaces) {
        for (let at = rec.text.indexOf(name); at >= 0; at = rec.text.indexOf(name, at + 1)) {
          addresses.push({ start: at, end: at + name.length });
        }
      }
    }
    items.push(
      ...recordToItems(part, {
        ...windowOptions,
        partial: ['PERSON', 'ORG'],
        open: locAnywhere ? [{ start: 0, end: rec.text.length }] : addresses,
      }),
    );
  }
}
const nCluenerEnd = items.length;
// --bio-half even|odd|none (default even): that half of pd1998-ner/example.dev (sentences by index
// parity) is fully annotated training data: a broader genre (culture, sports, features) with its own conventions
// (中国政府 = LOC + O, 重庆市郊 = 重庆). The other half is never trained on and is scored. With
// --select the half is split again (train on index % 4 = 0 or 1, score on 2 or 3), so choices never
// look at the other half. --bio-weight 0 trains on none of it but scores the same sentences.
const bioArg = args['bio-half'];
const half: BioHalf | undefined = bioArg === 'even' || bioArg === 'odd' ? bioArg : undefined;
if (bioArg !== 'none' && !half) throw new Error(`--bio-half must be even or odd, got ${bioArg}`);
const bioWeight = Number(args['bio-weight']);
// The example.dev windows also carry convention copies of some features (features.ts), so its
// conventions (中国政府 = LOC + O) do not contradict People's Daily's (--no-bio-convention: they do not)
// (--convention-templates 0,3,8: which ones; default CONVENTION_TEMPLATES, 'all': every template)
const templatesArg = args['convention-templates'];
const conventionTemplates: number[] | undefined = args['no-bio-convention']
  ? undefined
  : templatesArg === 'all'
    ? Array.from({ length: NUM_FEATURES }, (_, i) => i)
    : templatesArg
      ? templatesArg.split(',').map(Number)
      : CONVENTION_TEMPLATES;
const bioPath = path.join(dataDir, 'pd1998-ner', 'example.dev');
let bioTrain: GoldRecord[] = [];
let bioDev: GoldRecord[] = [];
if (half) {
  const all = readBio(bioPath);
  const parity = half === 'even' ? 0 : 1;
  bioTrain = select ? all.filter((r) => Number(r.id) % 4 === parity) : bioHalf(all, half);
  bioDev = select ? all.filter((r) => Number(r.id) % 4 === parity + 2) : bioHalf(all, otherHalf(half));
  if (bioWeight > 0) {
    for (const rec of bioTrain) {
      items.push(
        ...recordToItems(rec, { ...windowOptions, ...(conventionTemplates ? { conventionTemplates } : {}) }),
      );
    }
  }
}
log(
  `windows: PD ${nPd}, CLUENER ${nCluenerEnd - nPd} (${cluenerRows} rows, names + organizations, partial), example.dev ${items.length - nCluenerEnd} (${bioWeight > 0 ? bioTrain.length : 0} sentences × ${bioWeight})`,
);
nPd = 0;

// --pa S --pa-clip C: passive-aggressive (PA-I) step sizes, the Hamming loss scaled by S, steps
// clipped at C (trainer.ts); --pa 0: plain perceptron steps. PA-I 120 / 4 against the perceptron on
// the selection split, seeds 1–4 (each seed up on each set): PD +0.23, CLUENER names +0.7,
// example.dev quarter +0.6
const paScale = Number(args.pa);
const paClip = Number(args['pa-clip']);
const trainer = new Trainer(bits, { paScale, paClip });
const random = rng(seed);
// --cluener-weight N: each CLUENER window is seen N times per epoch. 2 gave CLUENER names +1.5 to
// +2.5 F1 on the selection rows 60–80% for PD selection days -0.1 (3: names +1.5, PD -0.6), but the
// model trained with 2 lost 0.4 on the PD held-out days for +0.5 on CLUENER names: default 1
const cluenerWeight = Math.max(1, Number(args['cluener-weight']));
const order = items.map((_, i) => i);
for (let w = 1; w < cluenerWeight; w++) for (let i = nPdWindows; i < nCluenerEnd; i++) order.push(i);
for (let w = 1; w < bioWeight; w++) for (let i = nCluenerEnd; i < items.length; i++) order.push(i);

function devScore(model: NerModel): ReturnType<typeof evaluateSpans> {
  const gold = dev.map((r) => r.entities);
  const pred = dev.map((r) => model.predict(r.text));
  return evaluateSpans(gold, pred);
}

function buildModel(): { model: NerModel; buf: Buffer } {
  const { weights, trans } = trainer.averaged();
  const buf = encodeParams(
    {
      version: '2',
      trainedOn: `People's Daily 1998-01-01..20 (PKU POS, j-abbreviation mapping${pdTagging === 'full' ? '' : `; segmenter tagging: ${pdTagging === 'both' ? 'full and fold-jackknifed dictionary' : 'fold-jackknifed dictionary'}`})${cluenerRows ? ` + CLUENER2020 train[0..80%] names/organizations${locAnywhere ? '' : ' (LOC only inside addresses and known place names)'}` : ''}${half && bioWeight > 0 ? ` + pd1998-ner example.dev ${half} sentences` : ''}${segWords ? ' + SIGHAN 2005 MSR vocabulary (hashed, as features)' : ''}`,
      labels: [...NER_LABELS],
      // which half of example.dev the model trained on: evaluations score the other half only
      ...(half && bioWeight > 0 && !select ? { exampleDevTrainedHalf: half } : {}),
      ...(conventionTemplates && half && bioWeight > 0 ? { conventionTemplates } : {}),
      bits,
      numFeatures: NUM_FEATURES,
      numTags: NUM_TAGS,
      gazetteer: gazEntries,
      ...(dictEntries ? { dictionaryGazetteer: dictEntries } : {}),
      ...(segWords ? { segmentationWords: segWords.serialize() } : {}),
    },
    trans,
    weights,
    minAbs,
  );
  return { model: new NerModel(decodeParams(buf), jieba), buf };
}

let last: { model: NerModel; buf: Buffer } | undefined;
let scores: ReturnType<typeof evaluateSpans> | undefined;
let bioScores: ReturnType<typeof evaluateSpans> | undefined;
for (let ep = 1; ep <= epochs; ep++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = order[i] as number;
    order[i] = order[j] as number;
    order[j] = tmp;
  }
  let errors = 0;
  for (const i of order) errors += trainer.step(items[i] as TrainItem);
  log(`epoch ${ep}: ${errors} wrong positions`);
  if (ep === epochs || args['eval-every']) {
    last = buildModel();
    scores = devScore(last.model);
    const f = (x: { f1: number }): string => x.f1.toFixed(4);
    log(
      `  dev micro F1 ${f(scores.micro)} PER ${f(scores.perLabel.PERSON)} LOC ${f(scores.perLabel.LOC)} ORG ${f(scores.perLabel.ORG)} (model ${(last.buf.length / 1e6).toFixed(1)} MB)`,
    );
    if (cluenerDev.length > 0) {
      const m = last.model;
      const c = evaluateSpans(
        cluenerDev.map((r) => r.entities),
        cluenerDev.map((r) => m.predict(r.text)),
      );
      log(`  CLUENER rows 60–80%: name F1 ${f(c.perLabel.PERSON)}, organization F1 ${f(c.perLabel.ORG)}`);
    }
    if (bioDev.length > 0) {
      const m = conventionTemplates ? last.model.withConvention('bio') : last.model;
      bioScores = evaluateSpans(
        bioDev.map((r) => r.entities),
        bioDev.map((r) => m.predict(r.text)),
      );
      log(
        `  example.dev unseen ${select ? 'quarter' : 'half'} (${bioDev.length} sentences): micro F1 ${f(bioScores.micro)} P ${bioScores.micro.precision.toFixed(4)} R ${bioScores.micro.recall.toFixed(4)} PER ${f(bioScores.perLabel.PERSON)} LOC ${f(bioScores.perLabel.LOC)} ORG ${f(bioScores.perLabel.ORG)}`,
      );
    }
  }
}
if (!last || !scores) throw new Error('no epochs');
mkdirSync(path.dirname(outPath), { recursive: true });
writeFileSync(outPath, last.buf);
const trainSeconds = (Date.now() - t0) / 1000;
const round = (x: number): number => Math.round(x * 10000) / 10000;
const meta = {
  version: last.model.info.version,
  trainedOn: last.model.info.trainedOn,
  labels: last.model.info.labels,
  data: {
    train: "People's Daily 1998-01-01..1998-01-20 (pd1998/199801-01to25.txt in the data folder)",
    extra: cluenerRows
      ? `CLUENER2020 train.json rows 0..${cluenerRows - 1} (name → PERSON, government/organization/company → ORG, partial annotation; other positions O${locAnywhere ? ' or LOC' : ', or LOC inside an address or a place name of the PD gazetteer'})`
      : 'none',
    ...(half && bioWeight > 0
      ? {
          domain: `pd1998-ner/example.dev sentences with an ${half} index (${bioTrain.length} of 2318, character BIO, full annotation, weight ${bioWeight}); the ${otherHalf(half)} sentences are never trained on and are the ones scored`,
        }
      : {}),
    ...(segWords
      ? {
          segmentationVocabulary: `SIGHAN 2005 MSR training vocabulary (sighan2005/msr_training_words.utf8 in the data folder): words of 2–12 Han characters, no numerals; the model holds only 31-bit hashes of them and of their prefixes (${segWords.keys.length} keys), for the forward-maximum-match feature templates`,
        }
      : {}),
    dev: "People's Daily 1998-01-21..1998-01-25 (held out)",
    licence:
      'research use; the model holds hashed feature weights, a list of ~3k entity names seen at least twice and hashes (not the text) of the MSR vocabulary, no running text',
  },
  hyperParameters: {
    algorithm:
      paScale > 0
        ? 'averaged structured perceptron with passive-aggressive (PA-I) steps, BIOES, Viterbi'
        : 'averaged structured perceptron, BIOES, Viterbi',
    ...(paScale > 0 ? { paLossScale: paScale, paClip } : {}),
    epochs,
    bits,
    seed,
    pruneBelow: minAbs,
    features: NUM_FEATURES,
    pdTagging,
    cluenerWeight,
    exampleDevWeight: half ? bioWeight : 0,
    ...(conventionTemplates && half && bioWeight > 0 ? { conventionTemplates } : {}),
  },
  date: new Date().toISOString(),
  trainSeconds: Math.round(trainSeconds),
  sizeBytes: statSync(outPath).size,
  dev: {
    micro: { p: round(scores.micro.precision), r: round(scores.micro.recall), f1: round(scores.micro.f1) },
    ...Object.fromEntries(
      Object.entries(scores.perLabel).map(([k, v]) => [
        k,
        { p: round(v.precision), r: round(v.recall), f1: round(v.f1) },
      ]),
    ),
  },
};
const pack = (r: ReturnType<typeof evaluateSpans>) => ({
  micro: { p: round(r.micro.precision), r: round(r.micro.recall), f1: round(r.micro.f1) },
  ...Object.fromEntries(
    Object.entries(r.perLabel).map(([k, v]) => [
      k,
      { p: round(v.precision), r: round(v.recall), f1: round(v.f1) },
    ]),
  ),
});
const metaOut =
  bioScores && half ? { ...meta, exampleDevUnseenHalf: { half: otherHalf(half), ...pack(bioScores) } } : meta;
const metaPath = outPath.replace(/(\.bin)?(\.gz)?$/, '.json');
writeFileSync(metaPath, `${JSON.stringify(metaOut, null, 2)}\n`);
log(`wrote ${outPath} (${(meta.sizeBytes / 1e6).toFixed(2)} MB)`);
