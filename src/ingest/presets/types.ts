import type { Msg } from '../../lib/msg.ts';
import type { Mapping } from '../mapping.ts';
import type { ReadOptions } from '../read/types.ts';

export type PresetId =
	| 'taobao'
	| 'jd'
	| 'pinduoduo'
	| 'douyin'
	| 'tiktok'
	| 'shopify'
	| 'woocommerce'
	| 'amazon'
	| 'uci'
	| 'generic';

/** A platform's export layout: how to recognise it and how to read it. */
export interface Preset {
	id: PresetId;
	label: Msg;
	/** Columns that together identify the layout (compared ignoring case, spaces, punctuation). */
	required: string[];
	/** Columns are looked up in the file's header; ones the file lacks are left unmapped. */
	mapping: Mapping;
	/**
	 * Other names a column of `required` and `mapping` goes by in other versions of the export
	 * (UCI Online Retail II writes `Invoice` and `Price` for `InvoiceNo` and `UnitPrice`).
	 */
	aliases?: Record<string, string[]>;
	/** What the reader must know before staging (TikTok's description row, Amazon's tabs). */
	read?: Pick<ReadOptions, 'skipRows' | 'delimiter'>;
	/**
	 * The file's times carry their own offset (Shopify, Amazon): the store time zone defaults to
	 * the offset most of them use instead of `mapping.timezoneOffsetMinutes`.
	 */
	storeOffsetFromData?: boolean;
}
