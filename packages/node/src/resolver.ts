import { dirname, resolve } from 'node:path';
import type { DocumentResolver } from '@peakpath/core';
import { InputFileError, readDocument } from './documents.ts';

/**
 * Documents from files: a reference is a path relative to the file that names it (a document with
 * no file of its own — an id that is not a path — resolves against the working folder). A file that
 * cannot be read or parsed is a failed resolution whose reason says why, never a throw.
 */
export const fileResolver: DocumentResolver = async ({ reference, from }) => {
  const file = resolve(dirname(from.id), reference);
  try {
    return { ok: true, id: file, document: await readDocument(file) };
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    // readDocument's messages name the file and say what is wrong in both languages already.
    return { ok: false, reason: { en: error.message, zh: error.message } };
  }
};
