import type { Lang } from '@peakpath/core';

/**
 * The CLI's own messages outside the commands: usage errors (commander's, which are English only) and
 * the internal-error line, in the output's language.
 */

/** The language of the output: `--lang zh|en` among the arguments, else the locale (PEAKPATH_LANG, LC_ALL, LANG). */
export function outputLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  for (let i = argv.length - 1; i >= 0; i--) {
    const arg = argv[i]!;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value === 'zh' || value === 'en') return value;
  }
  const locale = env['PEAKPATH_LANG'] ?? env['LC_ALL'] ?? env['LANG'] ?? '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Commander's messages, line by line, and what each is in Chinese. A line not listed stays as it is. */
const USAGE_ZH: readonly (readonly [RegExp, (...groups: string[]) => string])[] = [
  [/^error: unknown option '(.*)'$/, (option) => `错误：未知选项 '${option}'`],
  [/^error: unknown command '(.*)'$/, (command) => `错误：未知命令 '${command}'`],
  [/^error: missing required argument '(.*)'$/, (argument) => `错误：缺少参数 '${argument}'`],
  [/^error: required option '(.*)' not specified$/, (option) => `错误：缺少必需的选项 '${option}'`],
  [/^error: option '(.*)' argument missing$/, (option) => `错误：选项 '${option}' 缺少取值`],
  [/^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/, (option, value, choices) => `错误：选项 '${option}' 的取值 '${value}' 无效，可选值为 ${choices}`],
  [/^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/, (command, expected, got) => `错误：${command ? `'${command}' ` : ''}参数过多：应为 ${expected} 个，实为 ${got} 个`],
  [/^\(Did you mean one of (.*)\?\)$/, (names) => `（是否想输入 ${names} 之一？）`],
  [/^\(Did you mean (.*)\?\)$/, (name) => `（是否想输入 ${name}？）`],
];

/** A usage error of commander's in `lang`. */
export function usageMessage(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  return text
    .split('\n')
    .map((line) => {
      for (const [pattern, zh] of USAGE_ZH) {
        const match = pattern.exec(line);
        if (match) return zh(...match.slice(1).map((group) => group ?? ''));
      }
      return line;
    })
    .join('\n');
}

/** The line that reports a fault of peakpath's own (exit status 1). */
export function internalErrorLine(message: string, lang: Lang): string {
  return lang === 'zh'
    ? `peakpath：内部错误（程序缺陷，请报告）：${message}；设置 PEAKPATH_DEBUG=1 可显示调用栈\n`
    : `peakpath: internal error: ${message}\n`;
}
