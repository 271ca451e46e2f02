import { defineResource } from '../../../shared/operations';
import * as apiCall from './apiCall.operation';

export const { description, operations } = defineResource('custom', [apiCall], 'apiCall');
