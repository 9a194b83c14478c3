/** The built-in examples, in the order a newcomer should meet them. */
import type { ExampleFile } from '../storage/seed.ts';
import example1 from './example-1-fabrikam-all-users.json';
import example2 from './example-2-fabrikam-marketing-only.json';
import example3 from './example-3-mfa-trust-and-auto-redemption.json';

export const EXAMPLES: readonly ExampleFile[] = [
	{ file: 'example-1-fabrikam-all-users.json', document: example1 },
	{ file: 'example-2-fabrikam-marketing-only.json', document: example2 },
	{ file: 'example-3-mfa-trust-and-auto-redemption.json', document: example3 }
];
