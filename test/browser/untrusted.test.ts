// In the browser, the crafted report's <script> and onerror prose run nothing and read as text.
import { describe, expect, it } from 'vitest';
import { scrollThrough, useSession } from './harness.ts';
import { scriptProsePage } from './pages.ts';

const session = useSession();

describe('untrusted prose in the browser', () => {
  it('opens no dialog and shows the markup as visible text', async () => {
    const s = session();
    const path = scriptProsePage();
    expect(path, 'a report page for the crafted report 900_script_prose.txt').toBeDefined();
    const page = await s.browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await page.goto(s.at(path!));
    await scrollThrough(page);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    for (const text of ['<script>alert(1)</script>', '<img src=x onerror=alert(2)>']) {
      await expect.poll(() => page.getByText(text).first().isVisible(), { timeout: 5000 }).toBe(true);
    }
    await page.close();
  });
});
