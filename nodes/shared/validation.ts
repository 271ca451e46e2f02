import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';
import { z } from 'zod';

/** Display names of parameters, so an error names the field as the user sees it. */
export type FieldLabels = Record<string, string>;

function pathLabel(path: Array<string | number>, labels: FieldLabels): string {
	const dotted = path.join('.');
	// (an empty path with a label for '' returns that label here, as the last lines would)
	if (labels[dotted] !== undefined) return labels[dotted];
	// nearest labelled ancestor, then the rest of the path
	for (let cut = path.length - 1; cut > 0; cut--) {
		const head = path.slice(0, cut).join('.');
		if (labels[head]) return `${labels[head]} → ${path.slice(cut).join('.')}`;
	}
	if (labels[''] !== undefined) return dotted ? `${labels['']} → ${dotted}` : labels[''];
	return dotted || 'input';
}

/** zod's own wording, which a no-code user should not see; any other message was written for them. */
const ZOD_DEFAULT = /^(String|Array|Number|Set|Date|BigInt) must|^Invalid|^Expected|^Required$/;

/** A readable sentence for one zod issue, for a no-code user. */
function describeIssue(issue: z.ZodIssue): string {
	if (issue.message && !ZOD_DEFAULT.test(issue.message) && issue.code !== 'invalid_type')
		return issue.message;
	switch (issue.code) {
		case 'invalid_type':
			if (issue.received === 'undefined' || issue.received === 'null') return 'is required';
			if (issue.expected === 'integer') return 'must be a whole number';
			if (issue.message && !ZOD_DEFAULT.test(issue.message)) return issue.message;
			return `must be a ${issue.expected}, not a ${issue.received}`;
		case 'too_small':
			if (issue.type === 'string') {
				return issue.minimum === 1
					? 'must not be empty'
					: `must be at least ${issue.minimum} characters`;
			}
			if (issue.type === 'array')
				return `needs at least ${issue.minimum} entr${issue.minimum === 1 ? 'y' : 'ies'}`;
			return `must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}`;
		case 'too_big':
			if (issue.type === 'string') return `must be at most ${issue.maximum} characters`;
			if (issue.type === 'array') return `takes at most ${issue.maximum} entries`;
			return `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`;
		case 'invalid_enum_value':
			return `must be one of: ${issue.options.join(', ')}`;
		case 'invalid_string':
			if (issue.validation === 'email') return 'must be a valid email address';
			if (issue.validation === 'url') return 'must be a valid URL';
			return issue.message;
		default:
			return issue.message;
	}
}

/**
 * Runs a zod schema over node input. On failure throws a NodeOperationError whose message
 * names the field and what is wrong, before any request is sent.
 */
export function validate<S extends z.ZodTypeAny>(
	node: INode,
	schema: S,
	input: unknown,
	labels: FieldLabels = {},
	itemIndex?: number,
): z.infer<S> {
	const result = schema.safeParse(input);
	if (result.success) return result.data as z.infer<S>;
	const sentences = result.error.issues.map(
		(issue) => `"${pathLabel(issue.path, labels)}" ${describeIssue(issue)}`,
	);
	const [first, ...rest] = sentences;
	throw new NodeOperationError(node, `Invalid value: ${first}`, {
		itemIndex,
		description: rest.length ? `Also: ${rest.join('; ')}` : 'Nothing was sent to the CRM.',
	});
}

/** Building blocks shared by the CRM schemas, with messages a no-code user understands. */
export const fields = {
	/** A non-empty trimmed string. */
	required: (max?: number) => {
		// describeIssue words every missing value "is required": this message is a fallback only
		// Stryker disable next-line ObjectLiteral,StringLiteral: equivalent (see above)
		const base = z.string({ required_error: 'is required' }).trim().min(1);
		return max ? base.max(max) : base;
	},
	/** Optional string: empty becomes undefined. */
	optional: (max?: number) =>
		z.preprocess(
			(v) => (v === '' || v === null ? undefined : v),
			(max ? z.string().trim().max(max) : z.string().trim()).optional(),
		),
	// describeIssue words an email issue the same way: the message is a fallback only
	// Stryker disable next-line ObjectLiteral,StringLiteral: equivalent (see above)
	email: () => z.string().trim().email({ message: 'must be a valid email address' }),
	/** 3-letter ISO 4217 currency code, upper-cased. */
	currency: () =>
		z
			.string()
			.trim()
			.transform((v) => v.toUpperCase())
			.refine((v) => ISO_4217.has(v), {
				message: 'must be a 3-letter ISO 4217 currency code, e.g. EUR',
			}),
	/** An identifier that goes into a URL path: no slash, dot-segments or control characters. */
	pathId: () =>
		z
			// describeIssue words a missing value and an empty one the same way: these two messages
			// are fallbacks (equivalent mutants; a disable comment inside a call chain is not seen)
			.string({ required_error: 'is required' })
			.trim()
			.min(1, { message: 'must not be empty' })
			.refine((v) => v !== '.' && v !== '..', { message: 'cannot be "." or ".."' }),
	/** Text that must not hold a TAB or a line break (it would change a query's meaning). */
	singleLine: () =>
		z.string().refine((v) => !/[\t\r\n]/.test(v), {
			message: 'must not contain a TAB or a line break',
		}),
	positiveInt: (max?: number) => {
		// describeIssue words a non-integer "must be a whole number" anyway: a fallback only
		// Stryker disable next-line ObjectLiteral,StringLiteral: equivalent (see above)
		const base = z.coerce.number().int({ message: 'must be a whole number' }).min(1);
		return max ? base.max(max) : base;
	},
};

/** ISO 4217 active codes. */
export const ISO_4217 = new Set(
	(
		'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
		'CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP ' +
		'GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW ' +
		'KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN ' +
		'NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL ' +
		'SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES ' +
		'VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XTS XUA XXX YER ZAR ZMW ZWG ZWL'
	).split(' '),
);

/** The error for one field, in the same words as `validate`: for checks across fields. */
export function fieldError(
	node: INode,
	label: string,
	problem: string,
	itemIndex?: number,
): NodeOperationError {
	return new NodeOperationError(node, `Invalid value: "${label}" ${problem}`, {
		itemIndex,
		description: 'Nothing was sent to the CRM.',
	});
}

const EMAIL_SCHEMA = z.string().email();

/** Whether a text is a well-formed email address (one schema, built once: called per item). */
export function isEmail(value: string): boolean {
	return EMAIL_SCHEMA.safeParse(value).success;
}
