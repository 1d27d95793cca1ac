// A type's workflow in the administrator's editor: read from the settings, a status added, given back as the API takes it.
import {test} from 'node:test';
import assert from 'node:assert/strict';

globalThis.document = {documentElement: {}};
const {workflowState, workflowValue, addStatus} = await import('../../main/resources/console/js/screens/workflow-editor.js');
const {setLang} = await import('../../main/resources/console/js/i18n.js');

const standard = {
  statuses: ['registered', 'in_progress', 'resolved'],
  transitions: {registered: ['in_progress'], in_progress: ['resolved']},
  finalStatuses: ['resolved'],
  statusNames: {},
};

test('the workflow goes back as it came when nothing changed', () => {
  assert.deepEqual(workflowValue(workflowState(standard, {})), {...standard, transitions: {...standard.transitions,
    resolved: []}});
});

test('a status added gets its names and moves; names left blank are not sent', () => {
  const state = workflowState(standard, {});
  assert.equal(addStatus(state, ' on_site '), null);
  state.names.on_site.ro = ' Echipă pe teren ';
  state.transitions.in_progress.push('on_site');
  state.transitions.on_site.push('resolved');
  const sent = workflowValue(state);
  assert.deepEqual(sent.statuses, ['registered', 'in_progress', 'resolved', 'on_site']);
  assert.deepEqual(sent.transitions.in_progress, ['resolved', 'on_site']);
  assert.deepEqual(sent.statusNames, {on_site: {ro: 'Echipă pe teren', en: ''}});
});

test('a code that cannot be a status, or one there already, is refused with a translated reason', () => {
  setLang('en');
  const state = workflowState(standard, {});
  assert.match(addStatus(state, 'On Site'), /lower-case/);
  assert.match(addStatus(state, 'resolved'), /exists already/);
  setLang('ro');
  assert.match(addStatus(state, 'x'), /litere mici/);
  assert.deepEqual(state.statuses, standard.statuses);
});
