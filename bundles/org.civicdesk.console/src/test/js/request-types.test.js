// Types and statuses read as their names, in the console's language, from what GET /request-types says.
import {test} from 'node:test';
import assert from 'node:assert/strict';

globalThis.document = {documentElement: {}};
const asked = [];
globalThis.fetch = async (url) => {
  asked.push(url);
  return new Response(JSON.stringify([
    {code: 'pothole', name: 'Groapă', statusNames: {in_progress: 'În lucru', waiting_for_citizen: 'Așteaptă vremea bună'}},
    {code: 'complaint', name: 'Reclamație', statusNames: {waiting_for_citizen: 'Așteaptă cetățeanul'}},
  ]), {status: 200, headers: {'Content-Type': 'application/json'}});
};
const {loadTypes, typeName, statusName} = await import('../../main/resources/console/js/request-types.js');

test('a status reads as its type names it, a type as its name', async () => {
  await loadTypes();
  assert.match(asked[0], /\/request-types\?lang=/);
  assert.equal(typeName('pothole'), 'Groapă');
  assert.equal(statusName('pothole', 'waiting_for_citizen'), 'Așteaptă vremea bună');
  assert.equal(statusName('complaint', 'waiting_for_citizen'), 'Așteaptă cetățeanul');
});

test('a type gone since keeps its codes; a status its type does not name reads as another type names it', async () => {
  await loadTypes();
  assert.equal(typeName('snow'), 'snow');
  assert.equal(statusName('snow', 'in_progress'), 'În lucru');
  assert.equal(statusName('pothole', 'archived'), 'archived');
});
