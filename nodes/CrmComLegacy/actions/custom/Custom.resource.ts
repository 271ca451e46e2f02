import { defineResource } from '../../../shared/operations';
import * as apiCall from './apiCall.operation';

export const { description, operations, option } = defineResource(
	'custom',
	[apiCall],
	'apiCall',
	'Custom API Call',
);
