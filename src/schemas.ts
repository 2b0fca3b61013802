// The API's shapes, as zod schemas: they validate requests, serialize responses and generate /docs.
import { z } from 'zod';

export const itemNo = z.number().int().min(1).max(49);

export const itemSchema = z.object({
  no: z.number(),
  category: z.string(),
  title: z.string(),
  description: z.string(),
  unit: z.string(),
  answer: z.string(),
  shortAnswer: z.enum(['有', '無']).nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  /** The English title and the words customers use for the item (the matcher's lexicon): what a search looks in. */
  titleEn: z.string(),
  aliases: z.array(z.string()),
});

export const itemChangeSchema = z.object({
  answer: z.string(),
  shortAnswer: z.enum(['有', '無']).nullable(),
  changedAt: z.string(),
  changedBy: z.string(),
});

export const itemUpdateBody = z.object({
  answer: z.string().trim().min(1, 'the answer must not be empty').max(20_000),
  shortAnswer: z.enum(['有', '無']).nullable().optional(),
});

export const roleSchema = z.enum(['admin', 'reviewer']);

export const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const tokenCreateBody = z.object({
  role: roleSchema,
  name: z.string().trim().min(1).max(100),
});

export const errorSchema = z.object({
  statusCode: z.number(),
  code: z.string(),
  error: z.string().optional(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

const column = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{1,3}$/, 'must be a column letter such as C');

/** Form fields that override detection for one upload. */
export const overridesSchema = z
  .object({
    sheet: z.string().trim().min(1).max(31).optional(),
    headerRow: z.coerce.number().int().min(1).max(1_048_576).optional(),
    questionColumn: column.optional(),
    answerColumn: column.optional(),
    choiceColumn: column.optional(),
  })
  .strict();
