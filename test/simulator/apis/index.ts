import type { SimApi } from '../types';
import { CentionApi } from './cention';
import { CentrixOneApi } from './centrixone';
import { CrmComBackofficeApi } from './crmcomBackoffice';
import { CrmComLegacyApi } from './crmcomLegacy';
import { LighteningApi } from './lightening';

/**
 * Every API the simulator speaks. Adding a CRM = one module in this folder + one line here.
 */
export function allApis(): SimApi[] {
	return [
		new CrmComBackofficeApi(),
		new CentionApi(),
		new LighteningApi(),
		new CrmComLegacyApi(),
		new CentrixOneApi(),
	];
}
