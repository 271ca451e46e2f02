import type { INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';

/** The node types a harness run knows, by the name used in the test workflow. */
export class TestNodeTypes implements INodeTypes {
	private readonly byName = new Map<string, INodeType>();

	add(name: string, type: INodeType): void {
		this.byName.set(name, type);
	}

	getByName(name: string): INodeType | IVersionedNodeType {
		const type = this.byName.get(name);
		if (!type) throw new Error(`Unknown node type ${name}`);
		return type;
	}

	getByNameAndVersion(name: string): INodeType {
		return this.getByName(name) as INodeType;
	}

	getKnownTypes(): Record<string, { className: string; sourcePath: string }> {
		return {};
	}
}
