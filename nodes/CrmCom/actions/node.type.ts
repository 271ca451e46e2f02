/** The operations of each resource, as the router dispatches them. */
export type CrmComMap = {
	account: 'action' | 'create' | 'get' | 'getAll' | 'update';
	analytics: 'getForContact' | 'getForOrganisation';
	activity: 'create' | 'delete' | 'get' | 'getAll' | 'getTags' | 'setTags' | 'update';
	contact: 'create' | 'get' | 'getAll' | 'update' | 'upsert';
	custom: 'apiCall';
	insight:
		| 'addBreakdowns'
		| 'addEvents'
		| 'addFilters'
		| 'create'
		| 'delete'
		| 'export'
		| 'get'
		| 'getAll'
		| 'getResults'
		| 'preview'
		| 'update';
};
