import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/**
 * Folders that never belong to the repository being published: version
 * control metadata and local environments a step might have created.
 */
const SKIPPED_FOLDERS = new Set(['.git', '.venv', 'node_modules']);

/**
 * Reads every file under `root` into a path → bytes map with `/` separators,
 * the shape `createMemorySnapshot` takes. A missing `root` reads as empty, so
 * callers report "nothing there" the same way in both cases.
 */
export async function readWorkspaceFiles(
  root: string,
): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {};
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    for (const entry of entries) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) {
          await walk(full);
        }
      } else if (entry.isFile()) {
        const path = relative(root, full).split(sep).join('/');
        files[path] = new Uint8Array(await readFile(full));
      }
    }
  };
  try {
    await walk(root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return {};
    }
    throw error;
  }
  return files;
}
