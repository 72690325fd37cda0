import type { INestApplicationContext } from '@nestjs/common';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ContractTemplatesService } from '../contracts/contract-templates.service';

/** The service agreement a local instance starts with, so "Add contract" has something to offer. */
const RESIDENTIAL_AGREEMENT = `<h1>{{contract.name}}</h1>
<p>This agreement is made on {{date.today}} between <strong>{{company.name}}</strong> ({{company.address}}) and
<strong>{{account.name}}</strong>, account {{account.id}}, for service at {{account.service_address}}.</p>
<h2>1. Services and charges</h2>
<p>The subscriber takes the services below, billed every period in advance:</p>
{{account.services}}
<p>The next recurring charge, taxes included, is <strong>{{account.next_recurring_charge}}</strong>.</p>
<h2>2. Term</h2>
<p>The term is {{contract.term}} from the day this agreement is signed. After it, service continues from period to period until either side ends it with 30 days' notice.</p>
<h2>3. Payment</h2>
<ul><li>Invoices are due on the date they show.</li><li>Late payment may bring a late fee and, after notice, a suspension of service.</li></ul>
<h2>4. Equipment</h2>
<p>Equipment the company lends stays its property and is returned when service ends.</p>
<h2>5. Contact</h2>
<p>Notices go to {{contact.name}} at {{contact.email}} and to the mailing address {{account.mailing_address}}.</p>`;

export async function generateContractDemo(app: INestApplicationContext, adminUserId: number): Promise<void> {
  await app.get(ContractTemplatesService).create({ id: adminUserId } as AuthenticatedUser, {
    name: 'Residential service agreement',
    bodyHtml: RESIDENTIAL_AGREEMENT,
    termMonths: 12,
    enabled: true,
  });
}
