import { activityLocator, contactLocator } from '../../nodes/CrmCom/actions/helpers';
import { contactIdProperty } from '../../nodes/Lightening/actions/contact/helpers';
import { locatorId } from '../../nodes/shared/locator';

// the locators register their rules when built (importing the CRM.COM helpers builds them)
void [activityLocator, contactLocator, contactIdProperty];

const GUID = '4dc0809f-ed91-4b68-b912-5bd6064d901e';
const CRM_COM = 'n8n-nodes-crm-pack.crmCom';

describe('locatorId: the pack checks and extracts resource-locator ids itself (no n8n regex watchdog)', () => {
	it.each([
		[`https://sandbox.crm.com/backoffice/v2/activities/${GUID}`, GUID],
		[`https://x.example/app/activities/${GUID}?tab=notes`, GUID],
		[`https://x.example/activities/${GUID}/`, GUID],
		[`http://x.example/activities/${GUID}#top`, GUID],
	])('By URL %s gives the id', (url, id) => {
		expect(locatorId(CRM_COM, 'activityId', { __rl: true, mode: 'url', value: url })).toEqual({
			id,
		});
	});

	it.each([
		`https://x.example/contacts/${GUID}`,
		`ftp://x.example/activities/${GUID}`,
		'activities/abc',
		`https://x.example/activities/${GUID}.json`,
	])('By URL %s is refused, naming the URL form', (url) => {
		expect(locatorId(CRM_COM, 'activityId', { __rl: true, mode: 'url', value: url })).toEqual({
			problem: 'must be a URL ending in …/activities/<id>',
		});
	});

	it('By ID checks the id pattern; From List and plain strings pass as they are', () => {
		expect(
			locatorId(CRM_COM, 'activityId', { __rl: true, mode: 'id', value: ` ${GUID} ` }),
		).toEqual({
			id: GUID,
		});
		expect(locatorId(CRM_COM, 'activityId', { __rl: true, mode: 'id', value: 'a/b' })).toEqual({
			problem: 'is not a valid activity ID',
		});
		// an expression's result is taken as it is (as n8n's validation did): sent as one segment
		expect(
			locatorId(
				CRM_COM,
				'activityId',
				{ __rl: true, mode: 'id', value: 'a/b' },
				{ __rl: true, mode: 'id', value: '={{ $json.id }}' },
			),
		).toEqual({ id: 'a/b' });
		expect(locatorId(CRM_COM, 'activityId', { __rl: true, mode: 'list', value: GUID })).toEqual({
			id: GUID,
		});
		expect(locatorId(CRM_COM, 'activityId', 'plain-string-from-an-old-workflow')).toEqual({
			id: 'plain-string-from-an-old-workflow',
		});
		// empty values are left to the field's own "must not be empty" check
		expect(locatorId(CRM_COM, 'activityId', { __rl: true, mode: 'id', value: '' })).toEqual({
			id: '',
		});
	});

	it("applies the running node's rules only, never those of another node's parameter of the same name", () => {
		// CRM.COM and Lightening both name their picker contactId: a GUID is a CRM.COM contact id,
		// never a Lightening one, and a Lightening id (digits) is no CRM.COM one
		const byId = (value: string) => ({ __rl: true, mode: 'id', value });
		expect(locatorId('n8n-nodes-crm-pack.lightening', 'contactId', byId(GUID))).toEqual({
			problem: 'is not a valid contact ID',
		});
		expect(locatorId('n8n-nodes-crm-pack.lightening', 'contactId', byId('x1'))).toEqual({
			problem: 'is not a valid contact ID',
		});
		expect(locatorId('n8n-nodes-crm-pack.lightening', 'contactId', byId('123'))).toEqual({
			id: '123',
		});
		// the same text under CRM.COM's rules (ids of letters, digits, - and _)
		expect(locatorId('CUSTOM.crmCom', 'contactId', byId('x1'))).toEqual({ id: 'x1' });
		expect(locatorId('n8n-nodes-crm-pack.crmCom', 'contactId', byId(GUID))).toEqual({
			id: GUID,
		});
		// a By URL of CRM.COM is no Lightening contact (Lightening has no record URLs)
		expect(
			locatorId('n8n-nodes-crm-pack.lightening', 'contactId', {
				__rl: true,
				mode: 'url',
				value: `https://x.example/contacts/${GUID}`,
			}),
		).toEqual({ problem: 'cannot be a URL here: use By ID' });
	});
});
