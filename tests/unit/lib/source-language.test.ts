import { describe, expect, it } from 'vitest';
import { sourceLanguageProblem, sourceTitle } from '../../../src/lib/source-language.ts';
import { sourceLanguageProblems } from '../../../src/lib/apparatus-report.ts';
import { diffHtml, sourceLanguageParts } from '../../../src/lib/corrections.ts';

describe('sourceTitle', () => {
  it('marks a title in Russian with its language, and the link with the page’s', () => {
    expect(sourceTitle('Шойгу рассказал о самолетах НАТО (TVC, Russian state media; in Russian)')).toEqual({
      words: 'Шойгу рассказал о самолетах НАТО',
      label: ' (TVC, Russian state media; in Russian)',
      hreflang: 'ru',
      lang: 'ru',
      dir: undefined,
      languageName: 'Russian',
    });
  });

  it('writes a right-to-left title right to left, isolated from the label after it', () => {
    expect(sourceTitle('المبعوث الأميركي إلى سوريا (El Nashra, in Arabic; the title as the page’s address gives it)')).toMatchObject({ lang: 'ar', dir: 'rtl', hreflang: 'ar' });
  });

  it('finds the language before a colon in the label', () => {
    expect(sourceTitle('ΥΠΕΞ: Ορισμός ειδικού απεσταλμένου (CNN Greece, in Greek: the Foreign Ministry’s announcement)')).toMatchObject({ lang: 'el' });
  });

  it('names the script of a language written in two, by the script most of its letters are in', () => {
    expect(sourceTitle('Šojgu: NATO redovno izvodi simulaciju (Vesti online; in Serbian)').lang).toBe('sr-Latn');
    expect(sourceTitle('Шојгу: НАТО редовно изводи симулацију (Vesti online; in Serbian)').lang).toBe('sr-Cyrl');
    expect(sourceTitle('Шојгу: NATO редовно изводи симулацију (Vesti online; in Serbian)').lang).toBe('sr-Cyrl');
  });

  it('finds the language wherever the label names it, in any case, and not a place', () => {
    expect(sourceTitle('Лавров (Reuters, in Kommersant; in Russian)').lang).toBe('ru');
    expect(sourceTitle('Лавров (Kommersant, in Russian, via Reuters)').lang).toBe('ru');
    expect(sourceTitle('Лавров (TASS, in russian)').lang).toBe('ru');
    expect(sourceTitle('新华社 (Xinhua, in Chinese (Simplified))').lang).toBe('zh');
    expect(sourceLanguageProblem('Riga votes (Delfi, in Latvia)')).toBeUndefined();
  });

  it('does not take a letter every script uses for another script', () => {
    expect(sourceLanguageProblem('Kyivʼs mayor says (UNIAN)')).toBeUndefined();
    expect(sourceTitle('Zaporizhzhiaʼs plant (Ukrinform, in Ukrainian)').lang).toBeUndefined();
  });

  it('leaves the editors’ description in square brackets in English, and marks only the link', () => {
    const title = sourceTitle('[Report of 23 August 2020 on NATO’s denial] (VRT NWS, in Dutch)');
    expect([title.lang, title.hreflang]).toEqual([undefined, 'nl']);
  });

  it('does not mark English words as Arabic because the label says the page is', () => {
    expect(sourceTitle('Report on the wheat fires (Sky News Arabia, in Arabic)')).toMatchObject({ lang: undefined, hreflang: 'ar' });
  });

  it('reads a label that names a place of publication, or no label, as naming no language', () => {
    const newsweek = sourceTitle('Troops arrive (AP, in Newsweek)');
    expect([newsweek.hreflang, newsweek.lang]).toEqual([undefined, undefined]);
    expect(sourceTitle('(Un)natural borders')).toEqual({ words: '(Un)natural borders', label: '' });
    expect(sourceTitle('The treaty (Part (II), UN)')).toMatchObject({ words: 'The treaty', label: ' (Part (II), UN)' });
  });
});

describe('sourceLanguageProblem', () => {
  it('asks a title in another script to say its language', () => {
    expect(sourceLanguageProblem('Лавров переназначен министром (Rusarminfo)')).toEqual({
      reason: 'the title is not in English, and its label does not say what language it is in',
      fix: 'end the label in brackets with the language, e.g. “(TASS, Russian state news agency; in Russian)”, so that the title is read out in its language.',
    });
  });

  it('suggests the language a misspelt name was meant to be', () => {
    expect(sourceLanguageProblem('Лавров переназначен министром (Rusarminfo, in Rusian)')?.fix).toMatch(/^did you mean “in Russian”\?/);
  });

  it('asks for square brackets round a description given as a title', () => {
    expect(sourceLanguageProblem('Report on the wheat fires (Sky News Arabia, in Arabic)')?.reason).toBe("the title's label says the page is in Arabic, but the title is not written in it");
    expect(sourceLanguageProblem('[Report on the wheat fires] (Sky News Arabia, in Arabic)')).toBeUndefined();
  });

  it('asks for square brackets round an English description of a page in a Latin-script language', () => {
    expect(sourceLanguageProblem("Report of 23 August 2020 on NATO's denial (VRT NWS, in Dutch)")?.reason).toBe("the title's label says the page is in Dutch, but the title is not written in it");
    expect(sourceLanguageProblem('Is Russische minister Lavrov een zeer effectieve diplomaat of juist een enorme eikel (BD, in Dutch)')).toBeUndefined();
    expect(sourceLanguageProblem('On a dit que la réunion aura lieu (Le Monde, in French)')).toBeUndefined();
  });

  it('asks for square brackets round an English description of a report and its date', () => {
    for (const title of ['Report of 20 January 2022 on the naval drills (KESQ, Associated Press)', 'AP report of 13 October 2019 on Esper (The Oklahoman)', 'Washington Times report of 16 March 2020 on the scaling-back', 'Report of November 2021 on the engineers (Reuters)', 'US Sixth Fleet release of 29 October 2021 on the USS Mount Whitney (DVIDS, US Navy)', 'US Sixth Fleet press release of 29 October 2021 on the USS Mount Whitney (DVIDS, US Navy)']) {
      expect(sourceLanguageProblem(title)?.reason, title).toMatch(/^the title reads as the editors’ description of the page/);
    }
    expect(sourceLanguageProblem('[Report of 20 January 2022 on the naval drills] (KESQ, Associated Press)')).toBeUndefined();
    expect(sourceLanguageProblem('Ukraine denies report of Russian troop buildup near its borders (Reuters, via CNA)')).toBeUndefined();
    expect(sourceLanguageProblem('Report of the Secretary-General on the situation in Libya (UN)')).toBeUndefined();
    expect(sourceLanguageProblem('Kremlin denies report of May summit with Biden (Reuters)')).toBeUndefined();
    expect(sourceLanguageProblem('Pentagon confirms release of March figures (AP)')).toBeUndefined();
    expect(sourceLanguageProblem('Report of may be delayed (AP)')).toBeUndefined();
  });

  it('finds nothing wrong with an English title, or a foreign one that says its language', () => {
    expect(sourceLanguageProblem('NATO denies foreign troops on Belarusian border (The Sentinel, IANS)')).toBeUndefined();
    expect(sourceLanguageProblem('Troops arrive (AP, in Newsweek)')).toBeUndefined();
    expect(sourceLanguageProblem('Russia: 1,5 milioni di militari entro il 2026 (LaPresse, in Italian)')).toBeUndefined();
  });

  it('reports each problem at the citation’s file and line, with its rule', () => {
    const cite = (title: string, line: number) => ({ file: 'content/glossary/lavrov.md', line, where: 'glossary', url: `https://example.org/${line}`, title, verified: '2026-12-06' });
    const problems = sourceLanguageProblems([cite('Лавров (Rusarminfo, in Russian)', 3), cite('Лавров (Rusarminfo)', 7)]);
    expect(problems.map((problem) => [problem.file, problem.line, problem.ruleId])).toEqual([['content/glossary/lavrov.md', 7, 'source-language']]);
  });
});

describe('sourceLanguageParts', () => {
  it('cuts a source line of a difference where the title’s words begin and end', () => {
    expect(sourceLanguageParts([{ type: 'equal', text: 'Source: Шойгу рассказал (TVC, in Russian)' }], '')).toEqual([
      { type: 'equal', text: 'Source: ' },
      { type: 'equal', text: 'Шойгу рассказал', lang: 'ru', dir: undefined },
      { type: 'equal', text: ' (TVC, in Russian)' },
    ]);
  });

  it('marks a piece of a title that the difference placed in another source’s paragraph, by the title of either wording that has it', () => {
    const before = 'Text.\n\nSource: 26 лет назад был подписан Договор (Soyuznoye Veche; in Russian)';
    const now = 'Text.\n\nSource: RUSSIA PARLIAMENT (VOA)\n\nSource: Ровно 24 года назад был подписан Договор (Soyuznoye Veche; in Russian)';
    const parts = sourceLanguageParts([{ type: 'equal', text: 'Source: ' }, { type: 'delete', text: '26 лет ' }, { type: 'insert', text: 'RUSSIA PARLIAMENT (VOA)' }], now, before);
    expect(parts.filter((part) => part.lang).map((part) => [part.type, part.text, part.lang])).toEqual([['delete', '26 лет', 'ru']]);
  });

  it('places removed words in the earlier title and kept and inserted ones in the later', () => {
    const parts = sourceLanguageParts(
      [
        { type: 'equal', text: 'Source: ' },
        { type: 'delete', text: 'Старый' },
        { type: 'insert', text: 'Новый' },
        { type: 'equal', text: ' заголовок (TASS, in Russian)' },
      ],
      '',
    );
    expect(parts.filter((part) => part.lang === 'ru').map((part) => [part.type, part.text])).toEqual([
      ['delete', 'Старый'],
      ['insert', 'Новый'],
      ['equal', ' заголовок'],
    ]);
  });

  it('marks an earlier title in a Latin script unless it is cited as a bracketed description now', () => {
    const line = 'Source: Profile of Sergei Lavrov, May 2022 (BD, in Dutch)';
    expect(sourceLanguageParts([{ type: 'equal', text: line }], 'Source: [Profile of Sergei Lavrov, May 2022] (BD, in Dutch)').some((part) => part.lang)).toBe(false);
    const french = 'Source: Visite de la Chancelière (Élysée, in French)';
    expect(sourceLanguageParts([{ type: 'equal', text: french }], `Body.\n\n${french}`).find((part) => part.lang)?.text).toBe('Visite de la Chancelière');
  });

  it('reads an earlier title as the same words are cited now: with their language, or as a description', () => {
    const serbian = sourceLanguageParts([{ type: 'equal', text: 'Source: Šojgu: NATO redovno (Vesti online, from Sputnik)' }], 'Source: Šojgu: NATO redovno (Vesti online, from Sputnik; in Serbian)');
    expect(serbian.find((part) => part.lang)).toEqual({ type: 'equal', text: 'Šojgu: NATO redovno', lang: 'sr-Latn', dir: undefined });
    const dutch = sourceLanguageParts([{ type: 'equal', text: 'Source: Report of 23 August on NATO (VRT NWS, in Dutch)' }], 'Source: [Report of 23 August on NATO] (VRT NWS, in Dutch)');
    expect(dutch.some((part) => part.lang)).toBe(false);
  });

  it('marks kept words by the earlier title when only it names a language', () => {
    const parts = sourceLanguageParts(
      [
        { type: 'equal', text: 'Source: Шойгу рассказал (TVC' },
        { type: 'delete', text: ', in Russian' },
        { type: 'equal', text: ')' },
      ],
      'Source: Шойгу рассказал (TVC)',
    );
    expect(parts.find((part) => part.lang)).toEqual({ type: 'equal', text: 'Шойгу рассказал', lang: 'ru', dir: undefined });
  });

  it('keeps a right-to-left title in one span when a correction changed some of its words', () => {
    const parts = sourceLanguageParts(
      [
        { type: 'equal', text: 'Source: المبعوث ' },
        { type: 'delete', text: 'الأميركي' },
        { type: 'insert', text: 'الأمريكي' },
        { type: 'equal', text: ' إلى سوريا (El Nashra, in Arabic)' },
      ],
      '',
    );
    expect(diffHtml(parts)).toBe('Source: <span lang="ar" dir="rtl">المبعوث <del>الأميركي</del><ins>الأمريكي</ins> إلى سوريا</span> (El Nashra, in Arabic)');
    expect(diffHtml([{ type: 'insert', text: 'Source: ' }, { type: 'insert', text: 'Шойгу', lang: 'ru' }, { type: 'insert', text: ' (TVC, in Russian)' }], { labels: true })).toBe(
      '<ins><span class="visually-hidden">[added:\u00a0</span>Source: <span lang="ru">Шойгу</span> (TVC, in Russian)<span class="visually-hidden">]</span></ins>',
    );
  });

  it('leaves a paragraph that is not a source line as it is', () => {
    expect(sourceLanguageParts([{ type: 'equal', text: 'Шойгу said so.' }], '')).toEqual([{ type: 'equal', text: 'Шойгу said so.' }]);
  });
});
