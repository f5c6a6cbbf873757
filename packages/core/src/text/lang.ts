/** The languages every text a user reads comes in. */
export type Lang = 'en' | 'zh';
