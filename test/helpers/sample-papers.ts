import { readFileSync } from 'node:fs';
import path from 'node:path';
import { librarySchema, type Paper } from '../../shared/model/library';
import { resourcesFolder } from './temp-library';

/** The 66 real papers of the shipped sample library. */
export function samplePapers(): Paper[] {
  return librarySchema.parse(JSON.parse(readFileSync(path.join(resourcesFolder, 'sample-library.json'), 'utf8'))).papers;
}
