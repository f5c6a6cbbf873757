import { describe, expect, it } from 'vitest';
import { internalErrorLine, outputLang, usageMessage } from './usage.ts';

describe('the CLI messages outside the commands', () => {
  it('takes the language from --lang, else the locale', () => {
    expect(outputLang(['inventory', 'x.yaml', '--lang', 'zh'], {})).toBe('zh');
    expect(outputLang(['inventory', '--lang=zh', 'x.yaml'], { LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(outputLang(['inventory', '--lang', 'en'], { PEAKPATH_LANG: 'zh' })).toBe('en');
    expect(outputLang(['inventory', '--lang', 'fr'], { LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(outputLang([], { PEAKPATH_LANG: 'zh', LANG: 'C' })).toBe('zh');
    expect(outputLang([], { LANG: 'C' })).toBe('en');
  });

  it.each([
    ["error: unknown option '--jsno'\n(Did you mean --json?)\n", "错误：未知选项 '--jsno'\n（是否想输入 --json？）\n"],
    ["error: unknown command 'inventroy'\n(Did you mean inventory?)\n", "错误：未知命令 'inventroy'\n（是否想输入 inventory？）\n"],
    ["error: missing required argument 'file'\n", "错误：缺少参数 'file'\n"],
    ["error: option '--mc <runs>' argument missing\n", "错误：选项 '--mc <runs>' 缺少取值\n"],
    ["error: option '--lang <lang>' argument 'fr' is invalid. Allowed choices are zh, en.\n", "错误：选项 '--lang <lang>' 的取值 'fr' 无效，可选值为 zh, en\n"],
    ["error: too many arguments for 'inventory'. Expected 1 argument but got 2.\n", "错误：'inventory' 参数过多：应为 1 个，实为 2 个\n"],
  ])('commander\'s %j in Chinese', (en, zh) => {
    expect(usageMessage(en, 'zh')).toBe(zh);
    expect(usageMessage(en, 'en')).toBe(en);
  });

  it('the internal-error line in both languages', () => {
    expect(internalErrorLine('boom', 'en')).toBe('peakpath: internal error: boom\n');
    expect(internalErrorLine('boom', 'zh')).toContain('peakpath：内部错误');
    expect(internalErrorLine('boom', 'zh')).toContain('boom');
  });
});
