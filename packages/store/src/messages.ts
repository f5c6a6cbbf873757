/** Messages users and operators read: Chinese first, then English, as everywhere in peakpath. */
export const bilingual = (zh: string, en: string): string => `${zh}\n${en}`;
