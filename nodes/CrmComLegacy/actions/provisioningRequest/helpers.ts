import type { IDataObject } from 'n8n-workflow';

/** The fields most workflows need from a pending provisioning request (Simplify, in Get Pending and the
 * trigger). */
export function simplifyProvisioningRequest(record: IDataObject): IDataObject {
	return {
		id: record.id ?? null,
		action: record.action ?? null,
		state: record.state ?? null,
		provider:
			((record.provisioning_provider as IDataObject | undefined)?.alternative_code as string) ??
			record.provider ??
			null,
		created_date: record.created_date ?? null,
	};
}
