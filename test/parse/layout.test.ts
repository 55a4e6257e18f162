// Section 三 as `pdftotext -layout` prints it: cells aligned by spaces, and the group labels of the
// first columns (三、本年度办理结果, （三）不予公开 …) wrapped so that their words land among the rows.
import { describe, expect, it } from 'vitest';
import { readApplications } from '../../src/lib/parse/applications.ts';
import { toLines } from '../../src/lib/parse/lines.ts';
import { emptyNotes } from '../../src/lib/parse/rows.ts';

const TABLE = `
                                                                  申请人情况
        （本列数据的勾稽关系为：第一项加第二项之和，               法人或其他组织
                  等于第三项加第四项之和）                自然人  商业  科研  社会公益  法律服务  其他   总计
                                                                  企业  机构  组织      机构
  一、本年新收政府信息公开申请数量                            12     3     0     0         1       0     16
  二、上年结转政府信息公开申请数量                             1     0     0     0         0       0      1
                 （一）予以公开                                5     2     0     0         0       0      7
                 （二）部分公开（区分处理的，只计这一情
                                                               1     0     0     0         0       0      1
                 形，不计其他情形）
  三、本年度                     1.属于国家秘密                0     0     0     0         0       0      0
                 （三）不予公开  2.其他法律行政法规禁止公开     0     0     0     0         0       0      0
  办理结果                       3.危及“三安全一稳定”          0     0     0     0         0       0      0
                                 4.保护第三方合法权益           1     0     0     0         0       0      1
                                 5.属于三类内部事务信息         0     0     0     0         0       0      0
                                 6.属于四类过程性信息           0     0     0     0         0       0      0
                                 7.属于行政执法案卷             0     0     0     0         0       0      0
                                 8.属于行政查询事项             0     0     0     0         0       0      0
                                 1.本机关不掌握相关政府信息     3     1     0     0         1       0      5
                 （四）无法提供  2.没有现成信息需要另行制作     0     0     0     0         0       0      0
                                 3.补正后申请内容仍不明确       0     0     0     0         0       0      0
                                 1.信访举报投诉类申请           1     0     0     0         0       0      1
                                 2.重复申请                     0     0     0     0         0       0      0
                 （五）不予处理  3.要求提供公开出版物           0     0     0     0         0       0      0
                                 4.无正当理由大量反复申请       0     0     0     0         0       0      0
                                 5.要求行政机关确认或重新出具
                                                                0     0     0     0         0       0      0
                                 已获取信息
                                 1.申请人无正当理由逾期不补
                                 正、行政机关不再处理其政府信   0     0     0     0         0       0      0
                 （六）其他处理  息公开申请
                                 2.申请人逾期未按收费通知要求
                                 缴纳费用、行政机关不再处理其   0     0     0     0         0       0      0
                                 政府信息公开申请
                                 3.其他                         1     0     0     0         0       0      1
                 （七）总计                                    12     3     0     0         1       0     16
  四、结转下年度继续办理                                        1     0     0     0         0       0      1
`;

describe('section 三 in pdftotext -layout text', () => {
  const notes = emptyNotes();
  const a = readApplications(toLines(TABLE), notes)!;

  it('finds every row by its label, whatever wraps around it', () => {
    expect(a.received).toEqual([12, 3, 0, 0, 1, 0, 16]);
    expect(a.carriedOver).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(a.granted).toEqual([5, 2, 0, 0, 0, 0, 7]);
    expect(a.partlyGranted).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(a.denied.stateSecret).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(a.denied.thirdPartyRights).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(a.unavailable.notHeld).toEqual([3, 1, 0, 0, 1, 0, 5]);
    expect(a.notProcessed.complaints).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(a.notProcessed.confirmation).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(a.otherHandling).toEqual({ noCorrection: [0, 0, 0, 0, 0, 0, 0], unpaidFees: [0, 0, 0, 0, 0, 0, 0], other: [1, 0, 0, 0, 0, 0, 1] });
    expect(a.total).toEqual([12, 3, 0, 0, 1, 0, 16]);
    expect(a.carriedForward).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });

  it('needed no inference and found nothing missing', () => {
    expect(notes.inferred).toEqual([]);
    expect(notes.findings).toEqual([]);
  });
});

describe('section 三 with every label first and all cells after them (a converter reading by column)', () => {
  const LABELS = ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '三、本年度办理结果', '（一）予以公开', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（三）不予公开', '1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项', '（四）无法提供', '1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确', '（五）不予处理', '1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息', '（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他', '（七）总计', '四、结转下年度继续办理'];
  // 25 rows: received 5, carried over 1, granted 4, not held 2 (from natural persons and businesses).
  const rows = Array.from({ length: 25 }, () => [0, 0, 0, 0, 0, 0, 0]);
  rows[0] = [4, 1, 0, 0, 0, 0, 5];
  rows[1] = [1, 0, 0, 0, 0, 0, 1];
  rows[2] = [3, 1, 0, 0, 0, 0, 4];
  rows[12] = [2, 0, 0, 0, 0, 0, 2];
  rows[23] = [5, 1, 0, 0, 0, 0, 6];
  rows[24] = [0, 0, 0, 0, 0, 0, 0];
  const byColumn = Array.from({ length: 7 }, (_, c) => rows.map((r) => r[c]!)).flat();
  const text = [...LABELS, ...byColumn.map(String)].join('\n');
  const notes = emptyNotes();
  const a = readApplications(toLines(text), notes)!;

  it('places the cells column by column, the order in which the rows add up', () => {
    expect(a.received).toEqual([4, 1, 0, 0, 0, 0, 5]);
    expect(a.granted).toEqual([3, 1, 0, 0, 0, 0, 4]);
    expect(a.unavailable.notHeld).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(a.total).toEqual([5, 1, 0, 0, 0, 0, 6]);
    expect(a.carriedForward).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('and says so: every cell inferred, by that rule', () => {
    expect(notes.inferred).toHaveLength(25 * 7);
    expect(notes.inferred[0]!.rule).toMatch(/^cells-after-labels-column-major/);
  });
});
