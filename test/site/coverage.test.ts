import { describe, expect, it } from 'vitest';
import { NATIONAL_SHARE, coverageText, isComplete, percentText, rankText, scopeText, type Coverage } from '../../src/lib/site/view/coverage.ts';

const national = (counties: number, others = 0): Coverage => ({ scope: '全国', national: true, divisions: 2854, counties, others });
const qinghai = (counties: number, others = 0): Coverage => ({ scope: '青海省', national: false, divisions: 44, counties, others });

describe('coverage wording', () => {
  it('says how many counties and what share of the country a few reports are', () => {
    expect(coverageText(national(4))).toBe('4 个县（全国 2,854 个县级行政区的 0.1%）');
    expect(coverageText(national(1))).toBe('1 个县（全国 2,854 个县级行政区的 不到 0.1%）');
    expect(coverageText(qinghai(4))).toBe('4 个县（青海省 44 个县级行政区的 9.0%）');
    expect(coverageText(national(3, 1))).toBe('3 个县（全国 2,854 个县级行政区的 0.1%），另有 1 个地级市');
  });

  it('rounds a share down, so that nearly all is never shown as all', () => {
    expect(percentText(2853 / 2854)).toBe('99.9%');
    expect(percentText(1)).toBe('100%');
    expect(percentText(0)).toBe('0%');
    expect(percentText(0.0002)).toBe('不到 0.1%');
  });

  it('ranks among the collected counties while coverage is partial', () => {
    expect(rankText(national(4), 2, 4)).toBe('收录的 4 个县中第 2');
    // One of the four lacks the figure: the rank is among those that list it.
    expect(rankText(national(4), 2, 3)).toBe('收录并列出该项的 3 个县中第 2');
    expect(rankText(qinghai(4), 1, 4)).toBe('青海省收录的 4 个县中第 1');
    expect(rankText(national(3, 1), 1, 4)).toBe('收录的 4 个县、市中第 1');
    // A year with only a prefecture-level city's report: no 县 at all.
    expect(scopeText(national(0, 1))).toBe('收录的 1 个地级市');
    expect(rankText(national(0, 1), 1, 1)).toBe('收录的 1 个地级市中第 1');
  });

  it('says 全国 only from the threshold on, and a province by name', () => {
    const at = Math.ceil(2854 * NATIONAL_SHARE);
    expect(isComplete(national(at))).toBe(true);
    expect(isComplete(national(at - 1))).toBe(false);
    expect(rankText(national(at), 3, at - 10)).toBe(`全国第 3 / 共 ${(at - 10).toLocaleString('en-US')}`);
    expect(rankText(national(at - 1), 3, at - 1)).toBe(`收录的 ${(at - 1).toLocaleString('en-US')} 个县中第 3`);
    expect(rankText(qinghai(44), 3, 40)).toBe('青海省第 3 / 共 40');
    expect(scopeText(national(at))).toBe('全国');
    expect(scopeText(national(5))).toBe('收录的 5 个县');
    expect(scopeText(qinghai(44))).toBe('青海省');
    expect(scopeText(qinghai(3))).toBe('青海省收录的 3 个县');
  });

  it('never calls a scope complete that has no divisions, nor one with a prefecture-level body among counties', () => {
    expect(isComplete({ scope: '某省', national: false, divisions: 0, counties: 0, others: 1 })).toBe(false);
    expect(scopeText(national(2854, 1))).toBe('收录的 2,855 个县、市');
  });
});
