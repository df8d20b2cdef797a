/**
 * UCI Online Retail style line items: invoices starting with C are cancellations, returns have
 * negative quantities, month-first dates, CustomerID often empty (unknown customer).
 */
import { createMapping } from '../mapping.ts';
import type { Preset } from './types.ts';

export const uci: Preset = {
	id: 'uci',
	label: { en: 'Online Retail line items (UCI style)', zh: '在线零售明细（UCI 格式）' },
	required: ['InvoiceNo', 'StockCode', 'Quantity', 'InvoiceDate', 'UnitPrice'],
	mapping: createMapping(
		{
			order_id: 'InvoiceNo',
			customer_id: 'CustomerID',
			order_time: 'InvoiceDate',
			product_id: 'StockCode',
			product_title: 'Description',
			quantity: 'Quantity',
			unit_price: 'UnitPrice',
			// The dataset's only region column; region analyses then compare countries.
			province: 'Country'
		},
		{
			ambiguousDateDefault: 'mdy',
			orderAmountLevel: 'line-sum',
			cancelPrefix: 'C',
			currency: 'GBP'
		}
	)
};
