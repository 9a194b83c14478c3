/**
 * Share-link sizes: Example 1 (goal ≤ 1,000 characters) and a generated 10-tenant full mesh
 * (goal ≤ 2,000), each against the encoding other playgrounds use (the scenario's JSON, deflated,
 * base64url). Run alone with `npx tsx scripts/bench-links.ts`, or at the end of `npm run bench`.
 * It prints figures only; nothing here asserts.
 */
import { pathToFileURL } from 'node:url';
import { formatErrors, parseScenario } from '../src/lib/domain/parse.ts';
import type { Scenario } from '../src/lib/domain/schema.ts';
import { EXAMPLES } from '../src/lib/examples/index.ts';
import { encodeBase64url } from '../src/lib/share/base64url.ts';
import { deflateRaw } from '../src/lib/share/deflate.ts';
import { decodeScenarioLink, encodeScenarioLink } from '../src/lib/share/link.ts';
import { LINK_SIZE_LIMIT } from '../src/lib/share/url.ts';
import { generateMesh } from './generate-mesh.ts';

const EXAMPLE_GOAL = 1000;
const MESH_GOAL = LINK_SIZE_LIMIT;
const MESH_TENANTS = 10;
/**
 * The headline mesh: with 5 users each, user j joins group j % 5, so every one of the five groups has
 * a direct member and every partner style and policy of the generator applies to someone. The smaller
 * sizes show how the length grows with users.
 */
const MESH_USERS = [5, 3, 2, 1];
/** Only the size matters here, and a link's size does not depend on the iteration count. */
const SIZE_ONLY_ITERATIONS = 1;

const fmt = (n: number) => n.toLocaleString('en-US');

/** What other playgrounds put in the URL: `JSON.stringify`, deflate-raw, base64url. */
async function naiveLength(scenario: Scenario): Promise<number> {
	return encodeBase64url(await deflateRaw(new TextEncoder().encode(JSON.stringify(scenario))))
		.length;
}

function valid(document: unknown, label: string): Scenario {
	const parsed = parseScenario(document);
	if (!parsed.ok) throw new Error(`${label} is invalid:\n${formatErrors(parsed.errors)}`);
	return parsed.scenario;
}

async function measure(label: string, scenario: Scenario, goal?: number): Promise<void> {
	const plain = await encodeScenarioLink(scenario);
	const sealed = await encodeScenarioLink(scenario, {
		passphrase: 'bench',
		iterations: SIZE_ONLY_ITERATIONS
	});
	const back = await decodeScenarioLink(plain, 's');
	const naive = await naiveLength(scenario);
	const json = JSON.stringify(scenario).length;
	const verdict =
		goal === undefined
			? ''
			: `, goal ≤ ${fmt(goal)}: ${plain.length <= goal ? 'met' : `not met (+${fmt(plain.length - goal)})`}`;
	console.log(
		`  ${label}: ${fmt(plain.length)} characters${verdict}; with a passphrase ${fmt(sealed.length)}`
	);
	console.log(
		`    naive (JSON.stringify, deflate-raw, base64url) ${fmt(naive)}: ratio ${(plain.length / naive).toFixed(2)} (${Math.round((1 - plain.length / naive) * 100)}% shorter); JSON ${fmt(json)} characters; round trip ${back.ok ? 'ok' : `FAILED (${back.code})`}`
	);
}

/** Prints the link sizes. */
export async function runLinkBench(): Promise<void> {
	console.log(
		`\nshare links (payload after "#s=", the app's address comes on top; chat tools cut links over ${fmt(LINK_SIZE_LIMIT)})`
	);
	for (const [i, example] of EXAMPLES.entries()) {
		const scenario = valid(example.document, example.file);
		await measure(`Example ${i + 1}`, scenario, i === 0 ? EXAMPLE_GOAL : undefined);
	}
	for (const users of MESH_USERS) {
		const scenario = valid(
			generateMesh({ tenants: MESH_TENANTS, usersPerTenant: users }),
			`the ${MESH_TENANTS}-tenant mesh`
		);
		await measure(
			`${MESH_TENANTS}-tenant full mesh, ${users} user${users === 1 ? '' : 's'} each`,
			scenario,
			MESH_GOAL
		);
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
	await runLinkBench();
