/**
 * Every example in openapi.yaml validates against the schema it illustrates, with the same
 * ajv the validator uses: media-type `example` and `examples`, parameter and header examples,
 * request bodies, and schema-level examples. The unified 200's examples are checked against
 * the schema of the format each one shows (read from `x-interactions-kit-schema-by-format`),
 * and its NDJSON example line by line. Error responses use the real error shapes.
 */
import { describe, expect, it } from 'vitest';
import { loadContract, schemaByFormat, STREAM_FORMAT } from '../../src/contract/index.js';
import { isNdjsonMediaType, mediaTypeEssence } from '../../src/contract/media-type.js';
import {
  HTTP_METHODS,
  isReference,
  resolveReference,
  type ExampleObject,
  type HeaderObject,
  type MediaTypeObject,
  type ParameterObject,
  type ReferenceObject,
  type ResponseObject,
  type SchemaObject,
} from '../../src/contract/openapi-document.js';

const contract = loadContract();
const { document } = contract;

/** The format each example of the unified 200 shows, by example name. */
const FORMAT_OF_EXAMPLE: Record<string, string> = {
  unified: 'unified',
  keyed: 'unified+key_by',
  normalized: 'normalized',
  raw: 'raw',
  debug: 'debug',
};

interface ExampleCase {
  where: string;
  schema: string | SchemaObject;
  value: unknown;
}

const cases: ExampleCase[] = [];
/** Problems found while collecting (an example with no schema to check it against...). */
const collectionProblems: string[] = [];
const seen = new Set<unknown>();

const escape = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');
const resolve = <T>(value: T | ReferenceObject): T => resolveReference<T>(document, value);
const label = (value: unknown, fallback: string) => (isReference(value) ? value.$ref : fallback);

function namedExamples(
  examples: Record<string, ExampleObject | ReferenceObject> | undefined,
): Array<[string, unknown]> {
  return Object.entries(examples ?? {}).map(([name, example]) => [name, resolve(example).value]);
}

/** `example` and `examples` of something that has a schema (a parameter, a header, a plain media type). */
function collectPlain(where: string, holder: HeaderObject | MediaTypeObject): void {
  const examples: Array<[string, unknown]> = [
    ...('example' in holder ? ([['example', holder.example]] as Array<[string, unknown]>) : []),
    ...namedExamples(holder.examples).map(([name, value]): [string, unknown] => [`examples/${name}/value`, value]),
  ];
  if (examples.length === 0) return;
  if (holder.schema === undefined) {
    collectionProblems.push(`${where} has examples but no schema`);
    return;
  }
  for (const [name, value] of examples) cases.push({ where: `${where}/${name}`, schema: holder.schema, value });
}

function collectParameter(parameterOrRef: ParameterObject | ReferenceObject, fallback: string): void {
  const parameter = resolve(parameterOrRef);
  if (seen.has(parameter)) return;
  seen.add(parameter);
  const where = label(parameterOrRef, fallback);
  collectPlain(where, parameter);
  for (const [type, media] of Object.entries(parameter.content ?? {}))
    collectPlain(`${where}/content/${escape(type)}`, media);
}

function collectResponse(responseOrRef: ResponseObject | ReferenceObject, fallback: string): void {
  const response = resolve(responseOrRef);
  if (seen.has(response)) return;
  seen.add(response);
  const where = label(responseOrRef, fallback);
  for (const [name, header] of Object.entries(response.headers ?? {})) {
    collectPlain(`${label(header, `${where}/headers/${escape(name)}`)}`, resolve(header));
  }
  const table = schemaByFormat(response);
  for (const [type, media] of Object.entries(response.content ?? {})) {
    const mediaWhere = `${where}/content/${escape(type)}`;
    if (table === undefined) {
      collectPlain(mediaWhere, media);
    } else if (isNdjsonMediaType(mediaTypeEssence(type))) {
      collectStream(mediaWhere, media, table);
    } else {
      collectByFormat(mediaWhere, media, table);
    }
  }
}

/** The unified 200's JSON examples, each against the schema of the format it shows. */
function collectByFormat(where: string, media: MediaTypeObject, table: Record<string, string>): void {
  if (media.example !== undefined)
    collectionProblems.push(`${where}/example: name it under examples so its format is known`);
  for (const [name, value] of namedExamples(media.examples)) {
    const format = FORMAT_OF_EXAMPLE[name];
    const schema = format === undefined ? undefined : table[format];
    if (schema === undefined) {
      collectionProblems.push(`${where}/examples/${name}: no format is known for this example name`);
      continue;
    }
    cases.push({ where: `${where}/examples/${name}/value (${format})`, schema, value });
  }
}

/** The NDJSON example: every non-empty line is one record of the `stream` schema. */
function collectStream(where: string, media: MediaTypeObject, table: Record<string, string>): void {
  const schema = table[STREAM_FORMAT];
  const texts = [
    ...(media.example === undefined ? [] : [['example', media.example] as const]),
    ...namedExamples(media.examples).map(([name, value]) => [`examples/${name}/value`, value] as const),
  ];
  if (schema === undefined || texts.length === 0) {
    collectionProblems.push(`${where}: NDJSON content needs a stream schema and an example`);
    return;
  }
  for (const [name, text] of texts) {
    if (typeof text !== 'string') {
      collectionProblems.push(`${where}/${name}: an NDJSON example is text`);
      continue;
    }
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        collectionProblems.push(`${where}/${name} line ${i + 1}: not JSON (${(error as Error).message})`);
        return;
      }
      cases.push({ where: `${where}/${name} line ${i + 1}`, schema, value });
    });
  }
}

/** `example` / `examples` keywords inside schemas. */
function collectSchemaExamples(schema: unknown, where: string): void {
  if (typeof schema !== 'object' || schema === null || seen.has(schema)) return;
  seen.add(schema);
  const node = schema as Record<string, unknown>;
  if ('example' in node) cases.push({ where: `${where}/example`, schema: node as SchemaObject, value: node.example });
  if (Array.isArray(node.examples)) {
    node.examples.forEach((value, i) =>
      cases.push({ where: `${where}/examples/${i}`, schema: node as SchemaObject, value }),
    );
  }
  for (const [key, child] of Object.entries(node)) {
    if (key === 'example' || key === 'examples' || key === 'enum' || key === 'const' || key === 'default') continue;
    collectSchemaExamples(child, `${where}/${escape(key)}`);
  }
}

for (const [path, item] of Object.entries(document.paths ?? {})) {
  const itemWhere = `#/paths/${escape(path)}`;
  (item.parameters ?? []).forEach((p, i) => collectParameter(p, `${itemWhere}/parameters/${i}`));
  for (const method of HTTP_METHODS) {
    const operation = item[method];
    if (operation === undefined) continue;
    const where = `${itemWhere}/${method}`;
    (operation.parameters ?? []).forEach((p, i) => collectParameter(p, `${where}/parameters/${i}`));
    if (operation.requestBody !== undefined) {
      const body = resolve(operation.requestBody);
      for (const [type, media] of Object.entries(body.content ?? {})) {
        collectPlain(`${label(operation.requestBody, `${where}/requestBody`)}/content/${escape(type)}`, media);
      }
    }
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      collectResponse(response, `${where}/responses/${status}`);
    }
  }
}
const components = document.components ?? {};
for (const [name, parameter] of Object.entries(components.parameters ?? {}))
  collectParameter(parameter, `#/components/parameters/${name}`);
for (const [name, response] of Object.entries(components.responses ?? {}))
  collectResponse(response, `#/components/responses/${name}`);
for (const [name, header] of Object.entries(components.headers ?? {})) {
  const resolved = resolve(header);
  if (!seen.has(resolved)) collectPlain(`#/components/headers/${name}`, resolved);
}
collectSchemaExamples(components.schemas, '#/components/schemas');

describe('the examples of openapi.yaml', () => {
  it('are all collected (a known set of places, nothing left unchecked)', () => {
    expect(collectionProblems).toEqual([]);
    const where = cases.map((c) => c.where).join('\n');
    // One of each kind, so a collector that silently finds nothing fails here.
    expect(where).toContain('#/components/parameters/IntegratedAccountId/example');
    expect(where).toContain('/requestBody/content/application~1json/examples/firstPage/value');
    expect(where).toContain('/content/application~1json/examples/keyed/value (unified+key_by)');
    expect(where).toContain('/content/application~1x-ndjson/example line 1');
    expect(where).toContain('#/components/responses/TooManyRequests/content/application~1json/example');
    expect(where).toContain('#/components/responses/GongTooManyRequests/content/application~1json/example');
  });

  it('name every format of the unified 200', () => {
    const formats = cases.map((c) => /\(([^)]+)\)$/.exec(c.where)?.[1]).filter((f) => f !== undefined);
    expect(new Set(formats)).toEqual(new Set(Object.values(FORMAT_OF_EXAMPLE)));
  });

  for (const { where, schema, value } of cases) {
    it(`${where} validates`, () => {
      expect(contract.validateValue(schema, value)).toEqual([]);
    });
  }
});

describe('the format table of the unified 200', () => {
  const unified200 = resolve(
    document.paths?.['/unified/conversational-intelligence/interactions']?.get?.responses?.['200'] ?? {},
  );
  const table = schemaByFormat(unified200 as ResponseObject) ?? {};
  const formats = (resolve(components.parameters!.TrutoResponseFormat!).schema as { enum: string[] }).enum;

  it('has an entry for every truto_response_format, and a keyed one for every JSON format', () => {
    const want = formats.flatMap((format) => (format === STREAM_FORMAT ? [format] : [format, `${format}+key_by`]));
    expect(Object.keys(table).sort()).toEqual(want.sort());
  });

  it('names only schemas the contract has', () => {
    for (const ref of Object.values(table)) expect(() => contract.validateValue(ref, null)).not.toThrow();
  });
});

describe('error responses', () => {
  const errors: Array<{ where: string; schema: unknown; want: string }> = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      for (const [status, responseOrRef] of Object.entries(item[method]?.responses ?? {})) {
        if (Number(status) < 400) continue;
        const media = resolve(responseOrRef).content?.['application/json'];
        errors.push({
          where: `${method.toUpperCase()} ${path} ${status}`,
          schema: media?.schema,
          want: path.startsWith('/gong/') ? '#/components/schemas/GongErrorResponse' : '#/components/schemas/Error',
        });
      }
    }
  }

  for (const { where, schema, want } of errors) {
    it(`${where} has the real error shape`, () => {
      expect(schema).toEqual({ $ref: want });
    });
  }
});
