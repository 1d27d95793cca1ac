// The questions a request type asks besides the description (its attributes), as form controls. The
// attributes come from the REST API's request types or Open311's service definitions: same fields.
import {h, field} from './dom.js';

/**
 * Controls for a request type's attributes: {element, values()} where values() gives
 * {code: [answer, …]} for the answered ones, as the API's "attributes" takes them.
 */
export function attributeFields(type, idPrefix) {
  const controls = (type && type.attributes ? type.attributes : []).map((a) => {
    const id = `${idPrefix}-${a.code}`;
    let control;
    if (a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist') {
      const multiple = a.datatype === 'multivaluelist';
      control = h('select', {required: a.required, multiple},
        multiple ? null : h('option', {value: ''}, '—'), a.values.map((v) => h('option', {value: v.key}, v.name)));
    } else if (a.datatype === 'text') {
      control = h('textarea', {required: a.required, maxlength: 4000, rows: 2});
    } else {
      const inputType = {number: 'number', datetime: 'datetime-local'}[a.datatype] || 'text';
      control = h('input', {type: inputType, step: a.datatype === 'number' ? 'any' : null, required: a.required,
        maxlength: a.datatype === 'string' ? 300 : null});
    }
    return {attribute: a, control, element: field(id, a.description + (a.required ? ' *' : ''), control)};
  });
  return {
    element: h('div', {class: 'attributes'}, controls.map((c) => c.element)),
    values() {
      const answers = {};
      for (const {attribute, control} of controls) {
        let given = control.multiple ? [...control.selectedOptions].map((o) => o.value) : [control.value];
        if (attribute.datatype === 'datetime') given = given.filter(Boolean).map((v) => new Date(v).toISOString());
        given = given.filter((v) => v !== '');
        if (given.length) answers[attribute.code] = given;
      }
      return answers;
    },
  };
}
