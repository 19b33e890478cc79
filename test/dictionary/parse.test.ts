import { describe, expect, it } from 'vitest';
import { parseDictionary } from '../../src/dictionary/index.js';
import { ZhtagError } from '../../src/index.js';

function parseError(content: string, file = 'my.tsv'): ZhtagError {
  try {
    parseDictionary(content, file);
  } catch (error) {
    if (error instanceof ZhtagError) return error;
    throw error;
  }
  throw new Error('expected a parse error');
}

describe('parseDictionary', () => {
  it('reads TSV with a header, comments, aliases and extra columns', () => {
    const { format, lines } = parseDictionary(
      '# policy terms\nterm\ttype\tlevel\tregion\taliases\tgloss\tcode\n\n十大战略\tstrategy\tprovincial\t河南省\t\tTen Strategies\t\n“十四五”规划\tplan\tnational\t\t十四五规划|"十四五"规划\t\t\n',
      'p.tsv',
    );
    expect(format).toBe('tsv');
    expect(lines).toEqual([
      {
        line: 4,
        fields: {
          term: '十大战略',
          type: 'strategy',
          level: 'provincial',
          region: '河南省',
          gloss: 'Ten Strategies',
        },
      },
      {
        line: 5,
        fields: {
          term: '“十四五”规划',
          type: 'plan',
          level: 'national',
          aliases: ['十四五规划', '"十四五"规划'],
        },
      },
    ]);
  });

  it('keeps unknown columns as attributes', () => {
    const { lines } = parseDictionary('term\tcode\tparent\n焦作市\t410800\t410000\n', 'places.tsv');
    expect(lines[0]?.fields.attrs).toEqual({ code: '410800', parent: '410000' });
  });

  it('reads jieba user-dictionary lines unchanged', () => {
    const { format, lines } = parseDictionary(
      '万人助万企 10 nz\n添翼计划\n太行进城 n\n一线工作法 5\n',
      'user.txt',
    );
    expect(format).toBe('jieba');
    expect(lines.map((l) => l.fields)).toEqual([
      { term: '万人助万企', freq: 10, pos: 'nz' },
      { term: '添翼计划' },
      { term: '太行进城', pos: 'n' },
      { term: '一线工作法', freq: 5 },
    ]);
  });

  it.each([
    ['term\ttype\n十大战略\tstrategy\textra\n', 'my.tsv:2: 3 columns, header has 2'],
    ['# c\nterm\ttype\n\n\tstrategy\n', 'my.tsv:4: column term: empty term'],
    ['term\tfreq\n两个确保\tmany\n', 'my.tsv:2: freq must be a non-negative number, got "many"'],
    ['term\tterm\n', 'my.tsv:1: column "term" appears twice in header'],
    ['term\taliases\n两个确保\t两个确保\n', 'my.tsv:2: alias "两个确保" repeats the term'],
    ['十大战略\tstrategy\n', 'my.tsv:1: TSV file must start with a header row whose first column is "term"'],
    ['两个确保 10 nz\n两个 确保 10 nz\n', 'my.tsv:2: expected "word [freq] [pos]", got 4 fields'],
    ['两个确保 ten nz\n', 'my.tsv:1: freq must be a number, got "ten"'],
  ])('names file and line of a bad line: %j', (content, message) => {
    const error = parseError(content);
    expect(error.code).toBe('E_DICT_PARSE');
    expect(error.message).toBe(message);
    expect(error.file).toBe('my.tsv');
  });
});
