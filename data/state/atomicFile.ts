import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a whole file or nothing: the content goes to a temporary file beside it, which is then
 * renamed over the target (atomic on one file system). A crash mid-write leaves the old file.
 */
const readyFolders = new Set<string>();

export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const folder = path.dirname(file);
  if (!readyFolders.has(folder)) {
    await mkdir(folder, { recursive: true });
    readyFolders.add(folder);
  }
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, content, 'utf8').catch(async (error: NodeJS.ErrnoException) => {
      // The folder went away since it was made (someone cleaned up): make it again, once.
      if (error.code !== 'ENOENT') throw error;
      await mkdir(folder, { recursive: true });
      await writeFile(temporary, content, 'utf8');
    });
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
