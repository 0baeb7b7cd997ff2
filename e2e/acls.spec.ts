import { test, expect } from './support/fixtures';

test.describe('ACLs page', () => {
  test('on a cluster without an authorizer it explains why there are no ACLs and offers no changes', async ({ connectedPage: page, sidebar }) => {
    await sidebar.open('ACLs');
    const note = page.getByTestId('acls-disabled');
    await expect(note).toContainText('ACLs are not enabled on this cluster');
    await expect(note).toContainText('authorizer.class.name');
    // A fact about the cluster, not a failure: no red error box, no SECURITY_DISABLED code, no write controls.
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByText('SECURITY_DISABLED')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Create ACL' })).toHaveCount(0);
    await expect(page.getByRole('search', { name: 'Filter ACLs' })).toHaveCount(0);
  });
});
