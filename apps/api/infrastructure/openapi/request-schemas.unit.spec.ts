import type { OpenAPIObject } from '@nestjs/swagger';
import { closeRequestSchemas, reachableSchemas } from './request-schemas.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (name: string) => ({ content: { 'application/json': { schema: ref(name) } } });
const answer = (name: string) => ({ 201: { description: '', content: { 'application/json': { schema: ref(name) } } } });

function documentWith(schemas: Record<string, object>, responseSchema = 'Result'): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: { '/things': { post: { requestBody: body('ThingDto'), responses: answer(responseSchema) } } },
    components: { schemas },
  } as unknown as OpenAPIObject;
}

describe('request schemas', () => {
  it('closes every schema a request body reaches, and no answer schema', () => {
    const document = documentWith({
      ThingDto: {
        type: 'object',
        properties: { part: ref('PartDto'), parts: { type: 'array', items: ref('PartDto') } },
      },
      PartDto: { type: 'object', properties: { id: { type: 'string' } } },
      Result: { type: 'object', properties: { id: { type: 'string' } } },
    });
    closeRequestSchemas(document);
    const schemas = document.components!.schemas as Record<string, { additionalProperties?: boolean }>;
    expect([
      schemas.ThingDto.additionalProperties,
      schemas.PartDto.additionalProperties,
      schemas.Result.additionalProperties,
    ]).toEqual([false, false, undefined]);
  });

  it('refuses a class used as a request and as an answer (closing it would close the answer)', () => {
    const document = documentWith({ ThingDto: { type: 'object', properties: { id: { type: 'string' } } } }, 'ThingDto');
    expect(() => closeRequestSchemas(document)).toThrow(/ThingDto/);
  });

  it('refuses a $ref to a schema that does not exist (an unresolved lazy type gives an empty name)', () => {
    const document = documentWith({
      ThingDto: { type: 'object', properties: { part: { $ref: '#/components/schemas/' } } },
    });
    expect(() => reachableSchemas(document, [body('ThingDto')])).toThrow(/unknown schema ''/);
  });
});
