import { PNG } from 'pngjs';

/** The two icons of a Teams app and the size Teams requires of each. */
export const ICONS = { 'color.png': 192, 'outline.png': 32 } as const;

/** Checks an icon's size, and that the outline icon is white on transparent as Teams requires. */
export function iconProblems(name: keyof typeof ICONS, content: Buffer): string[] {
  const png = PNG.sync.read(content);
  const size = ICONS[name];
  const problems = png.width === size && png.height === size ? [] : [`${name} is ${png.width}×${png.height}, not ${size}×${size}`];
  if (name === 'outline.png') {
    let transparent = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const alpha = png.data[i + 3] as number;
      if (alpha === 0) transparent += 1;
      else if (png.data[i] !== 255 || png.data[i + 1] !== 255 || png.data[i + 2] !== 255) problems.push('outline.png must be white on transparent');
    }
    if (transparent === 0) problems.push('outline.png has no transparency');
  }
  return [...new Set(problems)];
}

