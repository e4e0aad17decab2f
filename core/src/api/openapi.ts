import { z } from 'zod';
import { errorBody } from './primitives.ts';
import type { RouteDef } from './route.ts';
import { routes } from './routes.ts';

type JsonSchema = Record<string, unknown>;

const schemaOf = (type: z.ZodType, io: 'input' | 'output'): JsonSchema =>
  z.toJSONSchema(type, { io, unrepresentable: 'any', target: 'openapi-3.0' });

const toOpenApiPath = (path: string): string => path.replace(/:([A-Za-z]+)/g, '{$1}');

const parametersOf = (def: RouteDef): JsonSchema[] => {
  const out: JsonSchema[] = [];
  for (const [where, type] of [
    ['path', def.params],
    ['query', def.query],
  ] as const) {
    if (!(type instanceof z.ZodObject)) continue;
    const shape = type.shape as Record<string, z.ZodType>;
    for (const [name, field] of Object.entries(shape)) {
      out.push({
        name,
        in: where,
        required: where === 'path' || !field.safeParse(undefined).success,
        schema: schemaOf(field, 'input'),
      });
    }
  }
  if (def.ifMatch) out.push({ name: 'If-Match', in: 'header', required: true, schema: { type: 'string' } });
  return out;
};

const errorResponse = (description: string): JsonSchema => ({
  description,
  content: { 'application/json': { schema: schemaOf(errorBody, 'output') } },
});

/** OpenAPI 3.0 document for every route, generated from the same zod schemas the server validates with. */
export const buildOpenApi = (version: string): JsonSchema => {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const [id, route] of Object.entries(routes) as [string, RouteDef][]) {
    const produces = route.produces ?? 'application/json';
    const operation: JsonSchema = {
      operationId: id,
      summary: route.summary,
      tags: [route.tag],
      security: [{ entraId: [] }],
      parameters: parametersOf(route),
      responses: {
        [String(route.status ?? 200)]: {
          description: 'Success',
          content: {
            [produces]: {
              schema:
                produces === 'application/json'
                  ? schemaOf(route.response, 'output')
                  : { type: 'string', format: 'binary' },
            },
          },
        },
        '400': errorResponse('The request is invalid; details name each field'),
        '401': errorResponse('No valid Entra ID access token'),
        '403': errorResponse('Not allowed for this person'),
        '404': errorResponse('Not found'),
        ...(route.ifMatch ? { '409': errorResponse('Changed by someone else since you loaded it') } : {}),
        '429': errorResponse('Too many requests; retry after the Retry-After header'),
      },
    };
    if (route.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: schemaOf(route.body, 'input') } },
      };
    }
    const path = toOpenApiPath(route.path);
    paths[path] = { ...(paths[path] ?? {}), [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Performance Conversations API', version },
    components: {
      securitySchemes: {
        entraId: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Microsoft Entra ID access token for this API',
        },
      },
    },
    paths,
  };
};
