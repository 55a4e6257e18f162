// The .docx front stage on its own: Word's merged cells onto the grid, and Word files that are not
// reports, damaged, or not Word at all rejected saying so.
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createRng, generateTruth, renderReportDocx } from '../../scripts/synth/index.ts';
import { parseBytes } from '../../src/lib/ingest/read.ts';
import { documentXmlLines, parseXml } from '../../src/lib/read/docx.ts';
import { readDocument } from '../../src/lib/read/index.ts';
import { counties } from '../../src/lib/region.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (...runs: string[]) => `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${runs.map((t) => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${t}</w:t></w:r>`).join('')}</w:p>`;
const tc = (content: string, props = '') => `<w:tc><w:tcPr><w:tcW w:w="900" w:type="dxa"/>${props}</w:tcPr>${content}</w:tc>`;
const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`;

describe('Word tables to the grid', () => {
  it('expands gridSpan, leaves vMerge continue cells empty, skips gridBefore columns and joins a cell\'s paragraphs', () => {
    const xml = doc(
      p('某县2021年政府信息公开', '工作年度报告') +
        `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
        <w:tr>${tc(p('三、本年度', '办理结果'), '<w:vMerge w:val="restart"/>')}${tc(p('（一）予以公开'), '<w:gridSpan w:val="2"/>')}${tc(p('5'))}</w:tr>
        <w:tr>${tc(p(''), '<w:vMerge/>')}${tc(p('（二）部分公开（区分处理的，') + p('只计这一情形）'), '<w:gridSpan w:val="2"/>')}${tc(p('1'))}</w:tr>
        <w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>${tc(p('a&amp;b'))}${tc('<w:p><w:r><w:t>7</w:t><w:br/><w:t>万元</w:t></w:r></w:p>')}</w:tr>
        </w:tbl>` +
        p('二、', '其他'),
    );
    expect(documentXmlLines(xml)).toEqual([
      { text: '某县2021年政府信息公开工作年度报告' },
      { text: '三、本年度办理结果\t（一）予以公开\t5', origin: { table: 1, row: 1 } },
      { text: '\t（二）部分公开（区分处理的，只计这一情形）\t1', origin: { table: 1, row: 2 } },
      { text: '\ta&b\t7万元', origin: { table: 1, row: 3 } },
      { text: '二、其他' },
    ]);
  });

  it('reads through content controls, skips deleted text and field codes, and keeps a body paragraph\'s tabs', () => {
    const xml = doc(
      `<w:sdt><w:sdtContent>${p('受控内容')}</w:sdtContent></w:sdt>` +
        `<w:p><w:r><w:t>规章</w:t></w:r><w:r><w:tab/><w:t>1</w:t></w:r><w:del><w:r><w:delText>删掉</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>`,
    );
    expect(documentXmlLines(xml).map((l) => l.text)).toEqual(['受控内容', '规章\t1']);
  });

  it('throws on XML that is cut short or does not nest', () => {
    expect(() => parseXml('<a><b></a>')).toThrow(/closes/);
    expect(() => parseXml('<a><b>')).toThrow(/never closed/);
  });
});

const docx = (documentXml: string) => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(documentXml) });

describe('Word files that are not reports', () => {
  it('a Word file with no report in it is rejected as such', async () => {
    const result = await parseBytes(docx(doc(p('关于召开全县政务公开工作会议的通知') + p('各乡镇人民政府，县直各部门：'))), 'notice.docx');
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('Word file with no annual report'), zh: expect.stringContaining('Word 文件中没有年度报告') });
  });

  it('an empty Word file is rejected as having no text', async () => {
    expect(await readDocument(docx(doc('<w:p/>')))).toMatchObject({ ok: false, zh: expect.stringContaining('没有文字') });
  });

  it('a damaged .docx (cut short, or its XML broken) is rejected as damaged', async () => {
    const truth = generateTruth(createRng(3), counties[0]!, 2021, { documents: '2021', decisions: '2021', procurement: false, otherHandling: 'detailed', blanks: 'none', scale: 'typical' });
    const whole = await renderReportDocx(truth);
    const cut = await readDocument(whole.subarray(0, Math.floor(whole.length * 0.6)));
    expect(cut).toMatchObject({ ok: false, error: expect.stringContaining('damaged') });
    const broken = await readDocument(docx(doc(p('某县') + '<w:tbl><w:tr>')));
    expect(broken).toMatchObject({ ok: false, error: expect.stringMatching(/damaged.*not valid XML/u) });
  });

  it('a zip that is not a Word file is rejected, saying to unpack it', async () => {
    const zip = zipSync({ 'report.pdf': strToU8('%PDF-1.4'), 'readme.txt': strToU8('年度报告') });
    expect(await readDocument(zip)).toMatchObject({ ok: false, zh: expect.stringContaining('解压') });
  });
});
