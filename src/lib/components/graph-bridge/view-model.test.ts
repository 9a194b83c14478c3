import { describe, expect, it } from 'vitest';
import { emptyScenario, newTenant } from '$lib/domain/factory.ts';
import { graphRequests } from '$lib/domain/graph-bridge/export.ts';
import { importGraphInto } from '$lib/domain/graph-bridge/import.ts';
import { EXTERNAL_TENANT, defaultBody, partnerBody } from '$lib/domain/graph-bridge/fixtures.ts';
import type { Scenario, Tenant } from '$lib/domain/schema.ts';
import {
	addPlaceholderTenants,
	diffRows,
	partnerIdOf,
	realTenantAfter,
	requestsText
} from './view-model.ts';

const HOME = '11111111-2222-4333-8444-555566667777';

function scenarioWith(): Scenario {
	const s = emptyScenario('Bridge');
	return { ...s, tenants: [newTenant('Home', 'home.example', HOME)] };
}

function must<T>(value: T | undefined): T {
	if (value === undefined) throw new Error('missing');
	return value;
}

function home(s: Scenario): Tenant {
	const t = s.tenants.find((x) => x.tenantId === HOME);
	if (!t) throw new Error('no home tenant');
	return t;
}

describe('addPlaceholderTenants', () => {
	it('adds one tenant per unknown partner ID, named after the ID prefix', () => {
		const next = addPlaceholderTenants(scenarioWith(), [EXTERNAL_TENANT, HOME]);
		expect(next.tenants).toHaveLength(2);
		const added = must(next.tenants[1]);
		expect(added.tenantId).toBe(EXTERNAL_TENANT);
		expect(added.displayName).toBe(`External ${EXTERNAL_TENANT.slice(0, 8)}`);
		expect(added.domain).toBe(`${EXTERNAL_TENANT.slice(0, 8)}.example`);
	});

	it('returns the same scenario when every ID is known', () => {
		const s = scenarioWith();
		expect(addPlaceholderTenants(s, [HOME])).toBe(s);
	});
});

describe('diffRows', () => {
	it('pairs a partner PATCH with the baseline values (R1: a default-settings tab is null)', () => {
		const result = importGraphInto(scenarioWith(), HOME, partnerBody(EXTERNAL_TENANT));
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		const baseline = home(result.scenario);
		const partner = must(baseline.crossTenantAccessPolicy.partners[0]);
		const after: Tenant = {
			...baseline,
			crossTenantAccessPolicy: {
				...baseline.crossTenantAccessPolicy,
				partners: [{ ...partner, tenantId: partner.tenantId, b2bDirectConnectInbound: null }]
			}
		};
		const requests = graphRequests(baseline, after);
		expect(requests).toHaveLength(1);
		const request = must(requests[0]);
		expect(partnerIdOf(request.url)).toBe(EXTERNAL_TENANT);
		const rows = diffRows(baseline, request);
		expect(rows).toEqual([
			{ name: 'b2bDirectConnectInbound', old: partner.b2bDirectConnectInbound ?? null, new: null }
		]);
		expect(requestsText(requests)).toContain('"b2bDirectConnectInbound": null');
	});
});

describe('realTenantAfter', () => {
	it('keeps an edit not yet applied in the export when another part is imported', () => {
		const imported = importGraphInto(scenarioWith(), HOME, partnerBody(EXTERNAL_TENANT));
		if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
		const real = home(imported.scenario);
		// An edit here: the partner's inbound goes back to the default (not applied to the real tenant).
		const partner = must(real.crossTenantAccessPolicy.partners[0]);
		const edited: Scenario = {
			...imported.scenario,
			tenants: [
				{
					...real,
					crossTenantAccessPolicy: {
						...real.crossTenantAccessPolicy,
						partners: [{ ...partner, b2bDirectConnectInbound: null }]
					}
				}
			]
		};
		const run = (s: Scenario) => importGraphInto(s, HOME, defaultBody());
		const after = run(edited);
		if (!after.ok) throw new Error('import failed');
		const newReal = realTenantAfter(edited, HOME, real, run);
		if (!newReal) throw new Error('no real tenant');
		const requests = graphRequests(newReal, home(after.scenario));
		expect(requests.map((r) => `${r.method} ${partnerIdOf(r.url) ?? r.url}`)).toEqual([
			`PATCH ${EXTERNAL_TENANT}`
		]);
		// Without the baseline, the whole imported tenant would count as real: the edit would vanish.
		const naive = realTenantAfter(edited, HOME, undefined, run);
		expect(graphRequests(must(naive), home(after.scenario))).toEqual([]);
	});
});
