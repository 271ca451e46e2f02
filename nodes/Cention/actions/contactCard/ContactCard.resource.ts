import { defineResource } from '../../../shared/operations';
import * as upsert from './upsert.operation';

export const { description, operations } = defineResource('contactCard', [upsert], 'upsert');
