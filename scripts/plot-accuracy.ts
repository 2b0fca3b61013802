// Draws the precision–coverage curves of automatic answers per language into docs/precision-coverage.png (and
// the SVG it is rendered from): for every threshold, the share of auto rows that are right against the share of
// answerable questions answered right automatically, on all labelled sets and on the independent corpus alone,
// with the calibrated threshold marked. Rendered by Chromium (CHROMIUM, default /usr/bin/chromium).
// Usage: npx tsx scripts/plot-accuracy.ts   (after npm run calibrate)

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Language } from '../src/domain.js';
import { createMatcher, loadThresholds } from '../src/matching/matcher.js';
import { evalSetDirs, isRight, loadItemsFile, proposeAll } from '../src/matching/evaluate.js';
import { loadEvalSet, type EvalQuestion } from '../src/matching/eval-sets.js';

const root = join(import.meta.dirname, '..');
const items = loadItemsFile(join(root, 'fixtures/meti-items.json'));
const questions = evalSetDirs(root).flatMap(loadEvalSet);
// Every row the matcher does not hold back is auto at threshold 0; its score is the calibrated one.
const proposals = proposeAll(createMatcher({ items, thresholds: { auto: 0, review: 0 } }), questions);
const thresholds = loadThresholds();

interface Point {
  t: number;
  precision: number;
  coverage: number;
}

/** Precision and coverage at every score some auto row has, highest threshold first. */
function curve(keep: (q: EvalQuestion) => boolean): Point[] {
  const rows = questions.flatMap((q, i) => (keep(q) ? [{ q, r: proposals[i] }] : []));
  const answerable = rows.filter(({ q }) => q.items.length > 0).length;
  const auto = rows.filter(({ r }) => r.status === 'auto').sort((a, b) => b.r.score - a.r.score);
  const points: Point[] = [];
  let right = 0;
  auto.forEach(({ q, r }, k) => {
    if (isRight(q, r.itemNos)) right++;
    if (k + 1 < auto.length && auto[k + 1].r.score === r.score) return;
    points.push({ t: r.score, precision: right / (k + 1), coverage: right / (answerable || 1) });
  });
  return points;
}

const W = 460;
const H = 380;
const M = { left: 56, right: 16, top: 40, bottom: 48 };
const PMIN = 0.8;
const x = (coverage: number) => M.left + coverage * (W - M.left - M.right);
const y = (precision: number) => M.top + ((1 - Math.max(PMIN, precision)) / (1 - PMIN)) * (H - M.top - M.bottom);
const path = (points: Point[]) => points.map((p, i) => `${i ? 'L' : 'M'}${x(p.coverage).toFixed(1)},${y(p.precision).toFixed(1)}`).join(' ');

function panel(language: Language, dx: number): string {
  const band = language === 'en' ? (thresholds.en ?? thresholds) : thresholds;
  const target = language === 'ja' ? 0.99 : 0.95;
  const series = [
    { name: 'all labelled sets', color: '#1f5fa8', points: curve((q) => q.language === language) },
    { name: 'independent corpus', color: '#c2410c', points: curve((q) => q.language === language && q.set.startsWith('eval-match-')) },
  ];
  const grid = [0.8, 0.85, 0.9, 0.95, 1].map(
    (p) => `<line x1="${M.left}" x2="${W - M.right}" y1="${y(p)}" y2="${y(p)}" stroke="#ddd"/><text x="${M.left - 6}" y="${y(p) + 4}" text-anchor="end">${Math.round(p * 100)}%</text>`,
  );
  const xgrid = [0, 0.25, 0.5, 0.75, 1].map(
    (c) => `<line x1="${x(c)}" x2="${x(c)}" y1="${M.top}" y2="${H - M.bottom}" stroke="#eee"/><text x="${x(c)}" y="${H - M.bottom + 16}" text-anchor="middle">${Math.round(c * 100)}%</text>`,
  );
  const marks = series.map((s) => {
    const at = [...s.points].reverse().find((p) => p.t >= band.auto) ?? s.points[0];
    return at ? `<circle cx="${x(at.coverage)}" cy="${y(at.precision)}" r="4.5" fill="${s.color}"/>` : '';
  });
  const legend = series.map(
    (s, i) => `<line x1="${M.left + 10}" x2="${M.left + 34}" y1="${H - 80 + 16 * i}" y2="${H - 80 + 16 * i}" stroke="${s.color}" stroke-width="2.5"/><text x="${M.left + 40}" y="${H - 76 + 16 * i}">${s.name}</text>`,
  );
  return `<g transform="translate(${dx},0)">
  <text x="${M.left}" y="22" font-size="15" font-weight="bold">${language === 'ja' ? 'Japanese' : 'English'} questionnaires — auto ≥ ${band.auto}</text>
  ${grid.join('\n  ')}
  ${xgrid.join('\n  ')}
  <line x1="${M.left}" x2="${W - M.right}" y1="${y(target)}" y2="${y(target)}" stroke="#888" stroke-dasharray="4 3"/>
  <text x="${W - M.right}" y="${y(target) - 4}" text-anchor="end" fill="#666">target ${Math.round(target * 100)}%</text>
  ${series.map((s) => `<path d="${path(s.points)}" fill="none" stroke="${s.color}" stroke-width="2.5"/>`).join('\n  ')}
  ${marks.join('\n  ')}
  ${legend.join('\n  ')}
  <text x="${(M.left + W - M.right) / 2}" y="${H - 12}" text-anchor="middle">coverage: answerable questions answered right automatically</text>
  <text transform="translate(14,${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">auto precision</text>
</g>`;
}

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * W}" height="${H}" font-family="sans-serif" font-size="12">
<rect width="${2 * W}" height="${H}" fill="white"/>
${panel('ja', 0)}
${panel('en', W)}
</svg>
`;
const svgPath = join(root, 'docs/precision-coverage.svg');
const pngPath = join(root, 'docs/precision-coverage.png');
writeFileSync(svgPath, svg);
const profile = mkdtempSync(join(tmpdir(), 'qmap-plot-'));
try {
  execFileSync(
    process.env.CHROMIUM ?? '/usr/bin/chromium',
    ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${profile}`, `--screenshot=${pngPath}`, `--window-size=${2 * W},${H}`, `file://${svgPath}`],
    { stdio: 'ignore' },
  );
} finally {
  rmSync(profile, { recursive: true, force: true });
}
console.log(`wrote ${svgPath.replace(`${root}/`, '')} and ${pngPath.replace(`${root}/`, '')}`);
