/** Contract: InteractionStore and ConsentStore. */
import assert from 'node:assert/strict';
import type { InteractionRecord } from '../storage/ports.js';
import { assertSameRecord } from './assertions.js';
import { SAMPLE_NOW } from './builders.js';
import { sampleConsent, sampleInteraction } from './builders-browser.js';
import type { ContractContext } from './context.js';
import { randomId } from './context.js';

/** Registers the InteractionStore and ConsentStore behaviour tests. */
export function describeInteractions({ api, tenant }: ContractContext): void {
  const { describe, it } = api;
  describe('interactions', () => {
    it('reads back an interaction with its params and completed login', async () => {
      const { interactions } = tenant().stores;
      const interaction = sampleInteraction();
      await interactions.create(interaction);
      assertSameRecord(await interactions.get(interaction.id), interaction);
    });

    it('reads back a logout interaction without client or login as without them', async () => {
      const { interactions } = tenant().stores;
      const interaction: InteractionRecord = {
        id: randomId('interaction'),
        bindingHash: randomId('binding-hash'),
        params: {},
        prompt: 'logout',
        createdAt: SAMPLE_NOW,
        expiresAt: SAMPLE_NOW + 60,
      };
      await interactions.create(interaction);
      assertSameRecord(await interactions.get(interaction.id), interaction);
    });

    it('returns undefined for an unknown interaction', async () => {
      assert.equal(await tenant().stores.interactions.get(randomId('interaction')), undefined);
    });

    it('replaces an interaction on update', async () => {
      const { interactions } = tenant().stores;
      const interaction = sampleInteraction({ prompt: 'login' });
      const login = interaction.login;
      delete interaction.login;
      await interactions.create(interaction);
      const updated = { ...interaction, prompt: 'consent' as const, login };
      await interactions.update(updated);
      assertSameRecord(await interactions.get(interaction.id), updated);
    });

    it('updating an unknown (or consumed) interaction does not bring it back', async () => {
      const { interactions } = tenant().stores;
      const interaction = sampleInteraction();
      await interactions.update(interaction);
      assert.equal(await interactions.get(interaction.id), undefined);
      await interactions.create(interaction);
      await interactions.consume(interaction.id);
      await interactions.update(interaction);
      assert.equal(await interactions.get(interaction.id), undefined);
    });

    it('consumes an interaction once: the record, then undefined', async () => {
      const { interactions } = tenant().stores;
      const interaction = sampleInteraction();
      await interactions.create(interaction);
      assertSameRecord(await interactions.consume(interaction.id), interaction);
      assert.equal(await interactions.consume(interaction.id), undefined);
      assert.equal(await interactions.get(interaction.id), undefined);
    });

    it('returns undefined when consuming an unknown interaction', async () => {
      assert.equal(await tenant().stores.interactions.consume(randomId('interaction')), undefined);
    });

    it('returns copies: mutating a returned interaction changes nothing stored', async () => {
      const { interactions } = tenant().stores;
      const interaction = sampleInteraction();
      await interactions.create(structuredClone(interaction));
      const read = await interactions.get(interaction.id);
      read!.params.redirect_uri = 'https://evil.example/cb';
      read!.login!.amr!.push('tampered');
      assertSameRecord(await interactions.get(interaction.id), interaction);
    });
  });

  describe('consents', () => {
    it('reads back a saved consent and nothing for an unknown pair', async () => {
      const { consents } = tenant().stores;
      const consent = sampleConsent();
      await consents.save(consent);
      assertSameRecord(await consents.get(consent.userId, consent.clientId), consent);
      assert.equal(await consents.get(consent.userId, randomId('client')), undefined);
      assert.equal(await consents.get(randomId('user'), consent.clientId), undefined);
    });

    it('upserts: saving again for the same user and client replaces the consent', async () => {
      const { consents } = tenant().stores;
      const consent = sampleConsent();
      await consents.save(consent);
      const wider = { ...consent, scopes: ['openid', 'email', 'phone'], claims: [], grantedAt: 9 };
      await consents.save(wider);
      assertSameRecord(await consents.get(consent.userId, consent.clientId), wider);
    });

    it('keeps one consent per (user, client) pair', async () => {
      const { consents } = tenant().stores;
      const base = sampleConsent();
      const otherClient = sampleConsent({ userId: base.userId, scopes: ['openid'] });
      const otherUser = sampleConsent({ clientId: base.clientId, scopes: ['profile'] });
      for (const consent of [base, otherClient, otherUser]) await consents.save(consent);
      for (const consent of [base, otherClient, otherUser])
        assertSameRecord(await consents.get(consent.userId, consent.clientId), consent);
    });

    it('revokes one pair once: true, then false, leaving the user other consents', async () => {
      const { consents } = tenant().stores;
      const consent = sampleConsent();
      const kept = sampleConsent({ userId: consent.userId });
      await consents.save(consent);
      await consents.save(kept);
      assert.equal(await consents.revoke(consent.userId, consent.clientId), true);
      assert.equal(await consents.get(consent.userId, consent.clientId), undefined);
      assert.equal(await consents.revoke(consent.userId, consent.clientId), false);
      assertSameRecord(await consents.get(kept.userId, kept.clientId), kept);
    });

    it('returns copies: mutating a returned consent changes nothing stored', async () => {
      const { consents } = tenant().stores;
      const consent = sampleConsent();
      await consents.save(structuredClone(consent));
      const read = await consents.get(consent.userId, consent.clientId);
      read!.scopes.push('admin');
      assertSameRecord(await consents.get(consent.userId, consent.clientId), consent);
    });
  });
}
