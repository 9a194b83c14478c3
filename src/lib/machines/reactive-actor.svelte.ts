/**
 * The one bridge from XState actors to runes. Reading `snapshot` inside an effect or template
 * subscribes to the actor; `getSnapshot()` is read each time because v5's `subscribe` does not replay
 * the current value. Snapshots are never copied into `$state`.
 */
import { createSubscriber } from 'svelte/reactivity';
import {
	createActor,
	type Actor,
	type AnyActorLogic,
	type ActorOptions,
	type EventFromLogic,
	type SnapshotFrom
} from 'xstate';

export class ReactiveActor<TLogic extends AnyActorLogic> {
	readonly actor: Actor<TLogic>;
	readonly #subscribe: () => void;

	constructor(logic: TLogic, options?: ActorOptions<TLogic>) {
		this.actor = createActor(logic, options);
		this.#subscribe = createSubscriber((update) => {
			const subscription = this.actor.subscribe(() => update());
			return () => subscription.unsubscribe();
		});
		this.actor.start();
	}

	get snapshot(): SnapshotFrom<TLogic> {
		this.#subscribe();
		return this.actor.getSnapshot();
	}

	send(event: EventFromLogic<TLogic>): void {
		this.actor.send(event);
	}

	stop(): void {
		this.actor.stop();
	}
}
