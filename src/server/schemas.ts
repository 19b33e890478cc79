/**
 * JSON schemas of the request bodies. Fastify validates with them (no type coercion, unknown fields
 * rejected) and @fastify/swagger publishes them. Responses carry no schema on purpose: a response
 * schema would re-serialize the Doc, and the body must be exactly the library's JSON.
 */
import { POLICY_LEVELS, POLICY_TYPES } from '../dictionary/entry.js';

/** Most documents one batch request may carry. */
export const MAX_BATCH = 10_000;

const documentSchema = {
  type: 'object',
  required: ['text'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', description: 'Echoed in the output record' },
    text: { type: 'string', description: 'The document text' },
  },
} as const;

/** `{text, id?, options?}` or `{documents: [{id, text}], options?}`; which one is checked in the route. */
export const documentsBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    text: { type: 'string' },
    documents: { type: 'array', maxItems: MAX_BATCH, items: documentSchema },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {},
      description: 'Reserved for per-request options; none are defined yet, so it must be empty',
    },
  },
} as const;

export const termBody = {
  type: 'object',
  required: ['term'],
  additionalProperties: false,
  properties: {
    term: { type: 'string', minLength: 1, maxLength: 200 },
    type: { type: 'string', enum: [...POLICY_TYPES] },
    level: { type: 'string', enum: [...POLICY_LEVELS] },
    region: { type: 'string', maxLength: 200 },
    aliases: { type: 'array', maxItems: 100, items: { type: 'string', minLength: 1, maxLength: 200 } },
    gloss: { type: 'string', maxLength: 1000 },
    source: { type: 'string', maxLength: 1000 },
  },
} as const;

export const termParams = {
  type: 'object',
  required: ['term'],
  properties: { term: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

export interface DocumentsBody {
  id?: string;
  text?: string;
  documents?: Array<{ id?: string; text: string }>;
  options?: Record<string, never>;
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** `/documents/0/text` → `documents[0].text`. */
function fieldPath(pointer: string, child?: unknown): string {
  const parts = pointer.split('/').slice(1);
  if (typeof child === 'string') parts.push(child);
  return parts.reduce(
    (path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part),
    '',
  );
}

/** A validation failure as one sentence naming the field: `field "documents[0].text" must be string`. */
export function describeValidation(errors: readonly AjvError[], context: string): string {
  const error = errors[0];
  if (!error) return `invalid ${context}`;
  if (error.keyword === 'required')
    return `field "${fieldPath(error.instancePath, error.params.missingProperty)}" is required`;
  if (error.keyword === 'additionalProperties') {
    return `field "${fieldPath(error.instancePath, error.params.additionalProperty)}" is not allowed`;
  }
  const field = fieldPath(error.instancePath);
  const subject = field ? `field "${field}"` : context;
  if (error.keyword === 'enum') {
    return `${subject} must be one of ${(error.params.allowedValues as string[]).join(', ')}`;
  }
  return `${subject} ${error.message ?? 'is invalid'}`;
}
