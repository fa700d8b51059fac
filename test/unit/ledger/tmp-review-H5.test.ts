import { it } from 'vitest';
import { OrgResolver, sequentialIds } from '../../../shared/ledger/org';

it('order dependence', () => {
  const a = new OrgResolver([{ id: 'c-v', name: 'Verizon' }], [], sequentialIds());
  console.log('stored Verizon:', a.carrierId('Verizon Wireless'), a.carrierId('Verizon Business'));
  const b = new OrgResolver([{ id: 'c-w', name: 'Verizon Wireless' }], [], sequentialIds());
  console.log('stored Verizon Wireless:', b.carrierId('Verizon'), b.carrierId('Verizon Business'));
  console.log('carriers() of a:', a.carriers());
});
it('cache across accounts', () => {
  const org = new OrgResolver(
    [{ id: 'c-w', name: 'Verizon Wireless' }, { id: 'c-b', name: 'Verizon Business' }],
    [{ id: 'a1', carrierId: 'c-w', accountNumber: '111', status: 'open' }, { id: 'a2', carrierId: 'c-b', accountNumber: '222', status: 'open' }],
    sequentialIds(),
  );
  console.log('knownCarrier 222 before:', org.knownCarrier('Verizon', '222')?.id);
  console.log('Verizon/111 ->', org.carrierId('Verizon', '111'), ' Verizon/222 ->', org.carrierId('Verizon', '222'));
  const org2 = new OrgResolver(
    [{ id: 'c-w', name: 'Verizon Wireless' }, { id: 'c-b', name: 'Verizon Business' }],
    [{ id: 'a1', carrierId: 'c-w', accountNumber: '111', status: 'open' }, { id: 'a2', carrierId: 'c-b', accountNumber: '222', status: 'open' }],
    sequentialIds(),
  );
  console.log('reverse order: Verizon/222 ->', org2.carrierId('Verizon', '222'), ' Verizon/111 ->', org2.carrierId('Verizon', '111'));
});
