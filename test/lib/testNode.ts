import type { INode } from 'n8n-workflow';

/** A minimal node for errors built outside an execution (validation, error helpers, redaction). */
export const testNode: INode = {
	id: '1',
	name: 'N',
	type: 't',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
