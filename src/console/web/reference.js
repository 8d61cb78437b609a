// The API reference: the package's OpenAPI document in Swagger UI, served by the mock itself.
// "Try it out" goes to this mock: the document's servers are replaced by the mock's base URL,
// read from this script's own (`<mock>/__admin/console/assets/reference.js`), so a mount prefix
// (`app.use('/mock', createApp())`) is kept. A classic script: Swagger UI's bundle is one.
/* global SwaggerUIBundle */
const MOCK_BASE = new URL('../../../', document.currentScript.src).href.replace(/\/$/, '');
(async function showReference() {
  const target = document.getElementById('swagger-ui');
  try {
    const response = await fetch(`${MOCK_BASE}/__admin/console/openapi.json`);
    const spec = await response.json();
    spec.servers = [{ url: MOCK_BASE, description: 'this mock' }];
    // Swagger UI fills every field from its parameter's first example, and the Prefer header's
    // example asks for a fault on purpose: a newcomer's first "Execute" would get a 429. The
    // description still lists every scenario.
    for (const parameter of Object.values(spec.components?.parameters ?? {}))
      if (parameter.in === 'header' && parameter.name === 'Prefer') delete parameter.examples;
    target.replaceChildren();
    SwaggerUIBundle({
      spec,
      domNode: target,
      deepLinking: true,
      tryItOutEnabled: true,
      // No validator badge: it would call validator.swagger.io.
      validatorUrl: null,
      presets: [SwaggerUIBundle.presets.apis],
    });
  } catch (error) {
    target.textContent = `The reference could not load: ${error}`;
  }
})();
