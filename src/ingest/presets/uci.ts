/**
 * UCI Online Retail (I and II) style line items: invoices starting with C are cancellations
 * (negative quantities) netted into the sales they take back, invoices starting with A adjust bad
 * debt and are no orders, month-first dates, CustomerID often empty (unknown customer).
 */
import { createMapping } from '../mapping.ts';
import type { Preset } from './types.ts';

export const uci: Preset = {
	id: 'uci',
	label: { en: 'Online Retail line items (UCI style)', zh: '在线零售明细（UCI 格式）' },
	required: ['InvoiceNo', 'StockCode', 'Quantity', 'InvoiceDate', 'UnitPrice'],
	aliases: { InvoiceNo: ['Invoice'], UnitPrice: ['Price'] },
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
			adjustmentPrefix: 'A',
			currency: 'GBP'
		}
	)
};
