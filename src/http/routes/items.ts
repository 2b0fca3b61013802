// The 49 checklist items: everyone signed in reads them; admins change the answers, history is kept.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeItem, history, item, itemChange, items, questionsAnswered } from '../../services/items.js';
import type { Context } from '../../services/context.js';
import { actor } from '../auth.js';
import { answeredQuestionSchema, errors, itemSchema, itemVersionSchema } from '../views.js';

const params = z.object({ no: z.coerce.number().int() });

export const itemRoutes: FastifyPluginAsync<Context> = async (app, ctx) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['items'];
  const config = { role: 'signed-in' as const };

  r.get('/items', { config, schema: { tags, response: { 200: z.array(itemSchema), ...errors() } } }, async () => items(ctx));
  r.get('/items/:no', { config, schema: { tags, params, response: { 200: itemSchema, ...errors(404) } } }, async (req) => item(ctx, req.params.no));
  r.get('/items/:no/history', { config, schema: { tags, params, response: { 200: z.array(itemVersionSchema), ...errors(404) } } }, async (req) =>
    history(ctx, req.params.no),
  );
  r.get(
    '/items/:no/questions',
    { schema: { tags, params, description: 'The questions this item answers in the questionnaires kept now, newest first.', response: { 200: z.array(answeredQuestionSchema), ...errors(404) } } },
    async (req) => questionsAnswered(ctx, req.params.no),
  );
  r.put(
    '/items/:no',
    { config: { role: 'admin' }, schema: { tags, params, body: itemChange, response: { 200: itemSchema, ...errors(404, 503, 507) } } },
    async (req) => changeItem(ctx, req.params.no, req.body, actor(req)),
  );
};
