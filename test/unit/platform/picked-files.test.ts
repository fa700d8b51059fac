import { describe, expect, it } from 'vitest';
import { FILES_PER_TASK, readPickedFiles } from '../../../renderer/platform/browser';

/** Real `File`s (Node's), each counting when its bytes are asked for. */
function files(count: number, asked: string[]): File[] {
  return Array.from({ length: count }, (_, i) => {
    const file = new File([`bill ${i}\n`], `bill-${i}.csv`);
    const read = file.arrayBuffer.bind(file);
    file.arrayBuffer = () => {
      asked.push(file.name);
      return read();
    };
    return file;
  });
}

const nextTask = () => new Promise((next) => setTimeout(next, 0));

describe('readPickedFiles (the browser’s file picker and drops)', () => {
  it('gives every file’s name and bytes, in the order picked', async () => {
    const picked = await readPickedFiles(files(40, []));
    expect(picked.map((file) => file.name)).toEqual(
      Array.from({ length: 40 }, (_, i) => `bill-${i}.csv`),
    );
    expect(picked.map((file) => new TextDecoder().decode(file.bytes))).toEqual(
      Array.from({ length: 40 }, (_, i) => `bill ${i}\n`),
    );
  });

  it('asks for a few files’ bytes per task, none in the task that delivers the pick', async () => {
    const asked: string[] = [];
    const reading = readPickedFiles(files(3 * FILES_PER_TASK + 1, asked));
    expect(asked).toEqual([]);
    const perTask: number[] = [];
    while (perTask.reduce((sum, n) => sum + n, 0) < 3 * FILES_PER_TASK + 1) {
      const before = asked.length;
      await nextTask();
      perTask.push(asked.length - before);
    }
    await reading;
    expect(Math.max(...perTask)).toBeLessThanOrEqual(FILES_PER_TASK);
    expect(perTask.filter((n) => n > 0).length).toBeGreaterThanOrEqual(4);
  });

  it('gives nothing for no files', async () => {
    expect(await readPickedFiles([])).toEqual([]);
  });
});
