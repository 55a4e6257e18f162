// The free prose around the tables: plausible paragraphs with inline figures, hard-wrapped as PDF
// converters print them. Its figures are prose, never table cells.
import type { Rng } from './prng.ts';

export interface ProseContext {
  place: string; // 民和县
  kind: string; // 县 | 区 | 市 | 旗
  year: number;
  received: number; // requests received this year (the prose often repeats it)
}

const OVERVIEW_SUBSECTIONS = [
  '加强组织领导', '强化主动公开', '规范依申请公开', '加强政府信息管理', '加强平台建设',
  '强化监督保障', '深化重点领域信息公开', '做好政策解读', '积极回应社会关切', '完善公开制度',
];

const OVERVIEW_SENTENCES = [
  '{year}年，{place}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。',
  '全年通过政府门户网站主动公开各类政府信息{n1}条，其中政策文件{n2}条，政策解读{n3}条。',
  '及时调整政务公开工作领导小组，明确分管领导和具体工作人员，形成主要领导亲自抓、分管领导具体抓的工作格局。',
  '严格落实公文类信息公开属性源头认定机制，全年审核公文{n2}件，确保应公开尽公开。',
  '全年共受理政府信息公开申请{received}件，均在法定期限内答复。',
  '围绕重点领域信息公开，及时公开财政预决算、重大建设项目、公共资源配置等信息{n4}条。',
  '政务新媒体发布信息{n1}条，12345政务服务便民热线共受理群众诉求{n5}件，办结率{pct}%。',
  '组织开展政务公开业务培训{n6}次，参训人员{n3}人次，进一步提升了工作人员的业务能力。',
  '定期对政府网站进行检查，发现并整改问题{n6}个，网站运行平稳有序。',
  '坚持“谁起草、谁解读”的原则，政策文件与解读材料同步组织、同步审签、同步部署。',
  '积极回应社会关切，全年回应公众关注热点或重大舆情{n6}次，有效引导社会预期。',
  '将政务公开纳入年度绩效考核，分值权重不低于{pct2}%，以考核促落实。',
];

const PROBLEM_SENTENCES = [
  '一是部分单位对政务公开工作重视不够，公开内容不够全面。',
  '二是政策解读形式较为单一，图解、视频等解读方式运用不多。',
  '三是工作人员多为兼职，业务能力有待进一步提升。',
  '下一步，我{kind}将进一步加强组织领导，完善工作机制，推动政务公开工作提质增效。',
  '一是加大培训力度，提高工作人员业务水平。二是丰富解读形式，提升解读质量。三是强化监督考核，确保各项工作落到实处。',
  '针对以上问题，{place}将严格对照上级要求，细化任务分工，持续规范依申请公开办理流程。',
];

const OTHER_SENTENCES = [
  '本年度未收取信息处理费。',
  '{place}{year}年度未发生收取信息处理费的情况。',
  '无其他需要报告的事项。',
  '《{place}{next}年政务公开工作要点》各项任务均已按要求落实。',
];

const EXTRA_SECTIONS = ['政务公开工作开展情况', '政策解读和回应关切情况', '平台建设情况'];

function fill(rng: Rng, template: string, ctx: ProseContext): string {
  const n = (lo: number, hi: number) => String(rng.int(lo, hi));
  const values: Record<string, () => string> = {
    year: () => String(ctx.year),
    next: () => String(ctx.year + 1),
    place: () => ctx.place,
    kind: () => ctx.kind,
    received: () => String(ctx.received),
    n1: () => n(300, 9000),
    n2: () => n(10, 300),
    n3: () => n(5, 200),
    n4: () => n(50, 1500),
    n5: () => n(100, 20000),
    n6: () => n(1, 30),
    pct: () => rng.pick(['100', '99.5', '98.49', '97']),
    pct2: () => n(4, 8),
  };
  // Figures in prose are often spaced off from the words ("公开 3183 条") in PDF text.
  const spaced = rng.chance(0.5);
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = values[key]?.() ?? key;
    return spaced && /^\d/.test(v) && key !== 'year' && key !== 'next' ? ` ${v} ` : v;
  });
}

/** Break a paragraph into lines of `width` characters, as PDF text does (0: one line). */
export function hardWrap(paragraph: string, width: number): string[] {
  if (width <= 0 || paragraph.length <= width) return [paragraph];
  // Break anywhere between Chinese characters, never inside a figure (as Word and PDF wrap).
  const out: string[] = [];
  let start = 0;
  while (paragraph.length - start > width) {
    let end = start + width;
    while (end < paragraph.length && /[0-9.%]/.test(paragraph[end]) && /[0-9.%]/.test(paragraph[end - 1])) end++;
    out.push(paragraph.slice(start, end));
    start = end;
  }
  if (start < paragraph.length) out.push(paragraph.slice(start));
  return out;
}

export function overviewParagraphs(rng: Rng, ctx: ProseContext, subsections: 'bracketed' | 'numbered' | 'none'): string[] {
  const paras = [fill(rng, OVERVIEW_SENTENCES[0], ctx)];
  const titles = rng.shuffle(OVERVIEW_SUBSECTIONS).slice(0, rng.int(2, 4));
  const numerals = ['一', '二', '三', '四', '五'];
  titles.forEach((title, i) => {
    const body = rng.shuffle(OVERVIEW_SENTENCES.slice(1)).slice(0, rng.int(1, 3)).map((s) => fill(rng, s, ctx)).join('');
    if (subsections === 'bracketed') paras.push(`（${numerals[i]}）${title}。${body}`);
    else if (subsections === 'numbered') paras.push(`${i + 1}.${title}。${body}`);
    else paras.push(body);
  });
  return paras;
}

/** 003: the overview carries its own 一、二、… headings before the tables' sections restart the count. */
export function nestedOverview(rng: Rng, ctx: ProseContext): { heading: string; paragraphs: string[] }[] {
  const titles = rng.shuffle(OVERVIEW_SUBSECTIONS).slice(0, rng.int(2, 4));
  return titles.map((title, i) => ({
    heading: `${['一', '二', '三', '四', '五'][i]}、${title}`,
    paragraphs: [rng.shuffle(OVERVIEW_SENTENCES.slice(1)).slice(0, 2).map((s) => fill(rng, s, ctx)).join('')],
  }));
}

export function extraSectionTitle(rng: Rng): string {
  return rng.pick(EXTRA_SECTIONS);
}

export function extraParagraphs(rng: Rng, ctx: ProseContext): string[] {
  return [rng.shuffle(OVERVIEW_SENTENCES.slice(1)).slice(0, 3).map((s) => fill(rng, s, ctx)).join('')];
}

export function problemParagraphs(rng: Rng, ctx: ProseContext): string[] {
  return [PROBLEM_SENTENCES.slice(0, 3).join(''), fill(rng, rng.pick(PROBLEM_SENTENCES.slice(3)), ctx)];
}

export function otherParagraphs(rng: Rng, ctx: ProseContext): string[] {
  return [fill(rng, rng.pick(OTHER_SENTENCES), ctx)];
}

export function introParagraph(rng: Rng, ctx: ProseContext): string {
  return fill(
    rng,
    rng.pick([
      '本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》要求编制，本报告统计数据从{year}年1月1日至12月31日。',
      '根据《中华人民共和国政府信息公开条例》规定，现发布{place}{year}年政府信息公开工作年度报告。报告电子版可在{place}人民政府门户网站下载。',
      '依据《中华人民共和国政府信息公开条例》，现将我{kind}{year}年度政府信息公开工作情况报告如下：',
    ]),
    ctx,
  );
}
