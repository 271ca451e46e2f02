import { defineResource } from '../../../shared/operations';
import * as getAll from './getAll.operation';

export const { description, operations, option } = defineResource('user', [getAll], 'getAll');
