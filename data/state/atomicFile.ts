import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a whole file or nothing: the content goes to a temporary file beside it, which is then
 * renamed over the target (atomic on one file system). A crash mid-write leaves the old file.
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, content, 'utf8');
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
