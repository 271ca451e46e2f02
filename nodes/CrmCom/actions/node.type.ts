/** The operations of each resource, as the router dispatches them. */
export type CrmComMap = {
	account: 'action' | 'create' | 'get' | 'getAll' | 'update';
	activity: 'create' | 'delete' | 'get' | 'getAll' | 'getTags' | 'setTags' | 'update';
	contact: 'create' | 'get' | 'getAll' | 'update' | 'upsert';
	custom: 'apiCall';
};
