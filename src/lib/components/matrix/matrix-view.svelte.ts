/**
 * What the matrix panel remembers while other panels are open: the chosen home tenant and the
 * snapshot being compared with. The panel unmounts when the user switches tabs to edit settings, and
 * the point of a comparison is to come back after that edit, so this lives outside the component.
 */
export interface MatrixComparison {
	/** The stored scenario the snapshot belongs to: a comparison ends when another one is opened. */
	scenarioId: string;
	snapshotId: string;
}

class MatrixView {
	homeTenantId = $state<string | null>(null);
	comparison = $state.raw<MatrixComparison | null>(null);
}

export const matrixView = new MatrixView();
