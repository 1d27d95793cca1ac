// Lets Node's test runner load pages that import the shared modules by their URL (/web/…): the
// pages' tests run with --import pointing here.
import {register} from 'node:module';

register('data:text/javascript,' + encodeURIComponent(`
  const ROOT = ${JSON.stringify(new URL('../../main/resources/web/', import.meta.url).href)};
  export async function resolve(specifier, context, next) {
    return specifier.startsWith('/web/') ? next(ROOT + specifier.slice(5), context) : next(specifier, context);
  }`));
