const COLOURS: Record<string, string> = {
  gold: '#b8860b',
  silver: '#6c757d',
  bronze: '#a0522d',
  none: '#c0392b',
  unscanned: '#9e9e9e',
};

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, c => `&#${c.charCodeAt(0)};`);

/**
 * A flat SVG badge, "python guidelines | gold · 92", sized by character
 * count (monospace-ish estimate; no font metrics on the server).
 */
export function renderBadge(
  result: { score: number; level: string | null } | null,
): string {
  const label = 'python guidelines';
  const value = result
    ? `${result.level ?? 'no level'} · ${result.score}`
    : 'not scanned';
  const colour = COLOURS[result ? result.level ?? 'none' : 'unscanned'];
  const labelWidth = label.length * 6.5 + 10;
  const valueWidth = value.length * 6.5 + 10;
  const width = labelWidth + valueWidth;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${escapeXml(
    `${label}: ${value}`,
  )}"><title>${escapeXml(
    `${label}: ${value}`,
  )}</title><rect width="${labelWidth}" height="20" fill="#555"/><rect x="${labelWidth}" width="${valueWidth}" height="20" fill="${colour}"/><g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle"><text x="${
    labelWidth / 2
  }" y="14">${escapeXml(label)}</text><text x="${
    labelWidth + valueWidth / 2
  }" y="14">${escapeXml(value)}</text></g></svg>`;
}
