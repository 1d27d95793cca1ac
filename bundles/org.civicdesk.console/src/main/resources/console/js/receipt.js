// The registration receipt the front desk hands over: one click opens its PDF in a new tab, ready for the printer.
import {link, query} from './api.js';
import {h} from '/web/dom.js';
import {t, lang} from './i18n.js';

/** Links to the request's receipt, on an A4 sheet and on the counter's 80 mm thermal roll. */
export function receiptLinks(number) {
  const receipt = (layout) => link(`/requests/${number}/receipt.pdf` + query({layout, lang: lang()}));
  return h('p', {class: 'row', id: 'receipt-links'},
    h('a', {id: 'receipt-a4', href: receipt('a4'), target: '_blank', rel: 'noopener'}, t('printReceipt')),
    h('a', {id: 'receipt-thermal', href: receipt('thermal'), target: '_blank', rel: 'noopener'}, t('printReceiptThermal')));
}
