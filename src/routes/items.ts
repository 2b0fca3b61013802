// The 49 checklist items: everyone signed in reads them; admins change answers, history is kept.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actor, requireRole } from '../auth.js';
import { QmapError } from '../errors.js';
import { itemChangeSchema, itemSchema, itemUpdateBody } from '../schemas.js';
import type { Db } from '../store/db.js';
import { getItem, itemHistory, listItems, updateItemAnswer, type Item } from '../store/items.js';
import { itemWords, loadLexicon } from '../matching/lexicon.js';

const params = z.object({ no: z.coerce.number().int() });
/** Items with the words customers use for them, so the review page's search finds "backup" as well as バックアップ. */
function withWords(items: Item[]) {
  const lexicon = loadLexicon();
  return items.map((item) => ({ ...item, ...itemWords(lexicon, item.no) }));
}
const missing = (no: number) => new QmapError('not_found', `There is no item ${no}; items are numbered 1 to 49.`);

export const itemRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['items'];

  r.get('/v1/items', { schema: { tags, response: { 200: z.array(itemSchema) } } }, async () => withWords(listItems(db)));

  r.get('/v1/items/:no', { schema: { tags, params, response: { 200: itemSchema } } }, async (req) => {
    const item = getItem(db, req.params.no);
    if (!item) throw missing(req.params.no);
    return withWords([item])[0];
  });

  r.get('/v1/items/:no/history', { schema: { tags, params, response: { 200: z.array(itemChangeSchema) } } }, async (req) => {
    if (!getItem(db, req.params.no)) throw missing(req.params.no);
    return itemHistory(db, req.params.no);
  });

  r.put(
    '/v1/items/:no',
    { preHandler: requireRole('admin'), schema: { tags, params, body: itemUpdateBody, response: { 200: itemSchema } } },
    async (req) => {
      const item = updateItemAnswer(db, req.params.no, req.body, actor(req));
      if (!item) throw missing(req.params.no);
      return withWords([item])[0];
    },
  );
};
