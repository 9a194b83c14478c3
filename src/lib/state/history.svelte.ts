/**
 * Undo and redo over whole scenarios. Scenarios are immutable values, so history is a pair of stacks
 * of references: cheap, and an undone state is exactly the object it was.
 */
import type { Scenario } from '../domain/schema.ts';

const LIMIT = 200;

export class ScenarioHistory {
	#undo = $state.raw<Scenario[]>([]);
	#redo = $state.raw<Scenario[]>([]);

	readonly canUndo = $derived(this.#undo.length > 0);
	readonly canRedo = $derived(this.#redo.length > 0);

	/** Records `before` as the state an undo returns to; a new edit clears the redo stack. */
	record(before: Scenario): void {
		this.#undo = [...this.#undo.slice(-(LIMIT - 1)), before];
		this.#redo = [];
	}

	/** The scenario to show after undoing from `current`, or null when there is nothing to undo. */
	undo(current: Scenario): Scenario | null {
		const previous = this.#undo.at(-1);
		if (!previous) return null;
		this.#undo = this.#undo.slice(0, -1);
		this.#redo = [...this.#redo, current];
		return previous;
	}

	redo(current: Scenario): Scenario | null {
		const next = this.#redo.at(-1);
		if (!next) return null;
		this.#redo = this.#redo.slice(0, -1);
		this.#undo = [...this.#undo, current];
		return next;
	}

	clear(): void {
		this.#undo = [];
		this.#redo = [];
	}
}
