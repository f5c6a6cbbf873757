/**
 * Checks of what callers pass in, every problem at once, each naming the field and what is expected
 * (in Chinese and English): one StoreError('invalid') listing them all.
 */
import { StoreError } from './store.ts';
import { bilingual } from './messages.ts';

export class Problems {
  readonly #list: string[] = [];

  add(field: string, zhExpected: string, enExpected: string, got?: unknown): void {
    const shown = got === undefined ? '' : `（收到 ${JSON.stringify(got)}）`;
    const shownEn = got === undefined ? '' : ` (got ${JSON.stringify(got)})`;
    this.#list.push(bilingual(`${field}：应为${zhExpected}${shown}`, `${field}: expected ${enExpected}${shownEn}`));
  }

  text(field: string, value: unknown, options: { max?: number; allowEmpty?: boolean } = {}): void {
    const max = options.max ?? 200;
    if (typeof value !== 'string' || (!options.allowEmpty && value.trim() === '') || value.length > max) {
      this.add(field, `${options.allowEmpty ? '' : '非空'}文本，最多 ${max} 个字符`, `${options.allowEmpty ? 'a' : 'a non-empty'} text of at most ${max} characters`, typeof value === 'string' && value.length > max ? `${value.slice(0, 20)}…` : value);
    }
  }

  oneOf(field: string, value: unknown, allowed: readonly string[]): void {
    if (typeof value !== 'string' || !allowed.includes(value)) this.add(field, `${allowed.join('、')} 之一`, `one of ${allowed.join(', ')}`, value);
  }

  slug(field: string, value: unknown): void {
    if (typeof value !== 'string' || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(value)) this.add(field, '小写字母、数字和连字符（1–63 个字符）', 'lower-case letters, digits and hyphens (1–63 characters)', value);
  }

  positiveInteger(field: string, value: unknown): void {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) this.add(field, '正整数', 'a positive integer', value);
  }

  json(field: string, value: unknown): void {
    try {
      if (value === undefined || JSON.stringify(value) === undefined) this.add(field, 'JSON 值', 'a JSON value');
      else if (JSON.stringify(value).includes('\\u0000')) this.add(field, '不含 NUL 字符（\\u0000）的 JSON', 'JSON without NUL characters (\\u0000), which PostgreSQL cannot store');
    } catch {
      this.add(field, 'JSON 值（不能有循环引用或 bigint）', 'a JSON value (no cycles, no bigint)');
    }
  }

  throwIfAny(): void {
    if (this.#list.length > 0) throw new StoreError('invalid', this.#list.join('\n'));
  }
}
