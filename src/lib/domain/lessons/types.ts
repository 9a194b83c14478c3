/**
 * Guided lessons (issue 7): each one is a small scenario to fix, a goal checked by the engine, hints,
 * one predict-then-reveal question and the documented solution, composed from the pure commands.
 */
import type { Attempt, Expectation, Scenario } from '../schema.ts';

/** The steps a prediction can ask about: the ones a learner can reason about from the settings. */
export type PredictionStep = 'outbound' | 'inbound' | 'conditionalAccess' | 'consent';

export interface GoalItem {
	attempt: Attempt;
	expect: Expectation;
	/** What the item means in plain words: "Alex can open the Contoso shared channel". */
	text: string;
	/** Rule IDs the item is about (challenges name the step's rule: S1 outbound, S2 inbound…). */
	rules?: readonly string[];
}

export interface Prediction {
	/** Which goal item's attempt the question is about. */
	attemptIndex: number;
	step: PredictionStep;
	/** "Will this attempt pass the inbound check?" */
	question: string;
	/** What the engine says at the start: true when the step passes. */
	answer: boolean;
	/** Shown after the learner answers. */
	explain: string;
}

export interface Lesson {
	id: string;
	title: string;
	/** Rule IDs of the rules file the lesson covers (S0-S6, R1-R4, M1-M4, V1-V11, A1-A8, D1-D5). */
	rules: string[];
	/** Two to four short paragraphs, separated by blank lines. */
	explanation: string;
	/** A valid scenario the learner starts from. */
	start: Scenario;
	goal: GoalItem[];
	/** Progressive: each hint says a little more than the one before. */
	hints: string[];
	prediction: Prediction;
	/** The documented solution, built from the pure scenario commands. */
	solution: (s: Scenario) => Scenario;
	/** Bullets for the completion screen. */
	learned: string[];
}
