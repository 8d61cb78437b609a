/**
 * The functions `@truto/truto-jsonata` adds to JSONata. Without that package an expression
 * calling one would fail with JSONata's "attempted to invoke a non-function"; knowing the
 * names lets the kit say which function needs which package instead. A test keeps this list
 * equal to what the installed package registers.
 */

/**
 * Names (without `$`) of the functions `@truto/truto-jsonata` 3 adds to plain JSONata.
 *
 * @example
 * TRUTO_FUNCTIONS.has('dtFromIso'); // true
 */
export const TRUTO_FUNCTIONS: ReadonlySet<string> = new Set([
  'base64ToBlob',
  'blob',
  'bufferToString',
  'chunk',
  'compact',
  'convertCurrencyFromSubunit',
  'convertCurrencyToSubunit',
  'convertHtmlToMarkdown',
  'convertMarkdownToAdf',
  'convertMarkdownToGoogleDocs',
  'convertMarkdownToHtml',
  'convertMarkdownToNotion',
  'convertMarkdownToSlack',
  'convertMdToPdf',
  'convertNotionToMarkdown',
  'convertNotionToMd',
  'convertQueryToSql',
  'dependencyGraph',
  'diceCoefficient',
  'difference',
  'digest',
  'dtFromFormat',
  'dtFromIso',
  'find',
  'firstNonEmpty',
  'flatten',
  'flattenDeep',
  'flattenDepth',
  'generateEmbeddingsCohere',
  'getArrayBuffer',
  'getDataUri',
  'getMimeType',
  'groupBy',
  'jsToXml',
  'jsonParse',
  'jsonToCsv',
  'jsonToParquet',
  'keyBy',
  'lofilter',
  'mapValues',
  'mostSimilar',
  'omit',
  'orderBy',
  'parseDocument',
  'parseQuery',
  'parseUrl',
  'pick',
  'recursiveCharacterTextSplitter',
  'removeEmpty',
  'removeEmptyItems',
  'sign',
  'sortNodes',
  'stringifyQuery',
  'teeStream',
  'toNumber',
  'uuid',
  'values',
  'wrap',
  'xmlToJs',
  'zipSqlResponse',
]);

/** The package to install for them, as the message says it. */
export const TRUTO_INSTALL = 'npm install @truto/truto-jsonata';
