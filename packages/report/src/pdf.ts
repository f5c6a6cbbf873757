import { chromium, type Browser } from 'playwright-core';
import type { Lang } from '@peakpath/core';
import { escapeHtml } from './html-text.ts';

/**
 * HTML to PDF by headless Chromium's print (playwright-core driving the system's Chromium: Debian's
 * `/usr/bin/chromium`, never a downloaded browser). Fonts come from the system (fonts-noto-cjk) and
 * Chromium embeds the glyphs used as subsets, so the PDF does not depend on the reader's fonts.
 */
export const CHROMIUM = process.env['PEAKPATH_CHROMIUM'] ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface PdfOptions {
  readonly lang: Lang;
  /** Text in the page header (the report's title); none when absent. */
  readonly header?: string | undefined;
}

/** A browser kept for several reports (a server's route): `render` each, then `close`. */
export class PdfRenderer {
  #browser: Promise<Browser> | undefined;

  async render(html: string, options: PdfOptions): Promise<Buffer> {
    this.#browser ??= chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const browser = await this.#browser;
    const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      // The report is self-contained: a request for anything would be a defect, so none is let through.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      const pageWord = options.lang === 'zh' ? ['第', '页，共', '页'] : ['Page', 'of', ''];
      const font = "font-family: 'Noto Sans CJK SC', sans-serif; font-size: 8px; color: #52645e; width: 100%; padding: 0 16mm;";
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: `<div style="${font} text-align: right;">${escapeHtml(options.header ?? '')}</div>`,
        footerTemplate: `<div style="${font} text-align: center;">${pageWord[0]} <span class="pageNumber"></span> ${pageWord[1]} <span class="totalPages"></span> ${pageWord[2]}</div>`,
        margin: { top: '18mm', bottom: '20mm', left: '16mm', right: '16mm' },
        preferCSSPageSize: true,
      });
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    const browser = this.#browser;
    this.#browser = undefined;
    if (browser) await (await browser).close();
  }
}

/** One PDF, one browser: started and closed within the call. */
export async function renderPdf(html: string, options: PdfOptions): Promise<Buffer> {
  const renderer = new PdfRenderer();
  try {
    return await renderer.render(html, options);
  } finally {
    await renderer.close();
  }
}
