// The /v1 API: one encapsulated scope whose hooks authenticate every request, check the route's role and
// limit its rate. Routes call services only.
import type { FastifyPluginAsync } from 'fastify';
import type { Context } from '../services/context.js';
import { requireTokens } from './auth.js';
import { limitRequests } from './limits.js';
import { itemRoutes } from './routes/items.js';
import { libraryRoutes } from './routes/library.js';
import { questionnaireRoutes } from './routes/questionnaires.js';
import { rowRoutes } from './routes/rows.js';
import { tokenRoutes } from './routes/tokens.js';

export const api: FastifyPluginAsync<Context> = async (v1, { db, config, runner }) => {
  // Only the context, not the options this scope was registered with (its prefix among them).
  const ctx: Context = { db, config, runner };
  await limitRequests(v1);
  await requireTokens(v1, ctx.db);
  await v1.register(itemRoutes, ctx);
  await v1.register(questionnaireRoutes, ctx);
  await v1.register(rowRoutes, ctx);
  await v1.register(libraryRoutes, ctx);
  await v1.register(tokenRoutes, ctx);
};
