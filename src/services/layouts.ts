// Template memory: where a user said a template's questions are (or confirmed it), used again automatically
// the next time the same template comes, and said so in the job's notes. Listed, deletable and audited.
import { limitsOf } from '../config.js';
import type { Analysis } from '../domain.js';
import { QmapError } from '../errors.js';
import type { Preview } from '../pipeline/preview.js';
import { audit } from '../store/audit.js';
import { deleteLayout, layoutUsed, listLayouts, rememberLayout, type StoredLayout } from '../store/layouts.js';
import type { Context } from './context.js';

export const layouts = (ctx: Context): StoredLayout[] => listLayouts(ctx.db);

/** After an upload read where the user said: each sheet's layout is remembered for its template. */
export function rememberGiven(ctx: Context, jobId: string, analysis: Analysis, by: string): void {
  for (const s of analysis.sheets) {
    if (!s.template || !s.questionColumn) continue;
    const l = rememberLayout(
      ctx.db,
      { fingerprint: s.template.fingerprint, sheet: s.name, headerRow: s.headerRow, questionColumn: s.questionColumn, answerColumn: s.answerColumn, choiceColumn: s.choiceColumn, description: s.template.words.join(' | ').slice(0, 500) },
      by,
    );
    audit(ctx.db, { jobId, actor: by, action: 'layout.remember', detail: { layout: l.id } });
  }
}

/** An upload read with a remembered layout: counted, and said in the trail. */
export function rememberedUsed(ctx: Context, jobId: string, layoutId: string, by: string): void {
  layoutUsed(ctx.db, layoutId);
  audit(ctx.db, { jobId, actor: by, action: 'layout.use', detail: { layout: layoutId } });
}

export function forgetLayout(ctx: Context, id: string, by: string): void {
  ctx.db.transaction(() => {
    if (!deleteLayout(ctx.db, id)) throw new QmapError('not_found', `There is no remembered layout ${id} (see GET /v1/layouts).`);
    audit(ctx.db, { jobId: null, actor: by, action: 'layout.delete', detail: { layout: id } });
  })();
}

/** The top of each sheet of an upload and where qmap would read the questions, in a worker; nothing is stored. */
export function previewUpload(ctx: Context, bytes: Uint8Array, filename: string): Promise<Preview> {
  return ctx.runner.preview({ bytes, filename, limits: limitsOf(ctx.config) });
}
