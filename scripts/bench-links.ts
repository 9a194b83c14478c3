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

/**
 * The same scenario with every GUID replaced by a random-looking one (seeded, so runs agree), as IDs
 * from a real tenant are: each then costs 16 bytes, about 21 characters, that no encoding removes.
 */
function withRandomIds(scenario: Scenario): Scenario {
	let state = 0x2545f491;
	const next = () => {
		// xorshift32: repeatable, and enough like random bytes for deflate.
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return (state >>> 0).toString(16).padStart(8, '0');
	};
	const fresh = new Map<string, string>();
	const json = JSON.stringify(scenario).replace(
		/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
		(id) => {
			// Microsoft's own app IDs stay: they are the same in every tenant.
			if (id.includes('-0000-0ff1-ce00-')) return id;
			let other = fresh.get(id);
			if (!other) {
				const h = next() + next() + next() + next();
				other = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
				fresh.set(id, other);
			}
			return other;
		}
	);
	return valid(JSON.parse(json), 'the mesh with random IDs');
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
	// No goal: how far real, random IDs are from the generator's patterned ones.
	for (const users of [MESH_USERS[0] ?? 5, 1]) {
		await measure(
			`${MESH_TENANTS}-tenant full mesh, ${users} user${users === 1 ? '' : 's'} each, random IDs`,
			withRandomIds(generateMesh({ tenants: MESH_TENANTS, usersPerTenant: users }))
		);
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
	await runLinkBench();
