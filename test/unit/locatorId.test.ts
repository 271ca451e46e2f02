import { activityLocator, contactLocator } from '../../nodes/CrmCom/actions/helpers';
import { locatorId } from '../../nodes/shared/locator';

// the locators register their rules when built (importing the CRM.COM helpers builds them)
void [activityLocator, contactLocator];

const GUID = '4dc0809f-ed91-4b68-b912-5bd6064d901e';

describe('locatorId: the pack checks and extracts resource-locator ids itself (no n8n regex watchdog)', () => {
	it.each([
		[`https://sandbox.crm.com/backoffice/v2/activities/${GUID}`, GUID],
		[`https://x.example/app/activities/${GUID}?tab=notes`, GUID],
		[`https://x.example/activities/${GUID}/`, GUID],
		[`http://x.example/activities/${GUID}#top`, GUID],
	])('By URL %s gives the id', (url, id) => {
		expect(locatorId('activityId', { __rl: true, mode: 'url', value: url })).toEqual({ id });
	});

	it.each([
		`https://x.example/contacts/${GUID}`,
		`ftp://x.example/activities/${GUID}`,
		'activities/abc',
		`https://x.example/activities/${GUID}.json`,
	])('By URL %s is refused, naming the URL form', (url) => {
		expect(locatorId('activityId', { __rl: true, mode: 'url', value: url })).toEqual({
			problem: 'must be a URL ending in …/activities/<id>',
		});
	});

	it('By ID checks the id pattern; From List and plain strings pass as they are', () => {
		expect(locatorId('activityId', { __rl: true, mode: 'id', value: ` ${GUID} ` })).toEqual({
			id: GUID,
		});
		expect(locatorId('activityId', { __rl: true, mode: 'id', value: 'a/b' })).toEqual({
			problem: 'is not a valid activity ID',
		});
		// an expression's result is taken as it is (as n8n's validation did): sent as one segment
		expect(
			locatorId(
				'activityId',
				{ __rl: true, mode: 'id', value: 'a/b' },
				{ __rl: true, mode: 'id', value: '={{ $json.id }}' },
			),
		).toEqual({ id: 'a/b' });
		expect(locatorId('activityId', { __rl: true, mode: 'list', value: GUID })).toEqual({
			id: GUID,
		});
		expect(locatorId('activityId', 'plain-string-from-an-old-workflow')).toEqual({
			id: 'plain-string-from-an-old-workflow',
		});
		// empty values are left to the field's own "must not be empty" check
		expect(locatorId('activityId', { __rl: true, mode: 'id', value: '' })).toEqual({ id: '' });
	});
});
