/**
 * Each builder produces exactly the request its provider's API expects: URL, method, headers
 * and body byte for byte, for a sample message.
 */
import { describe, expect, it } from 'vitest';
import { employeeBand, hubspotRequest } from '../../../worker/providers/hubspot.ts';
import { postmarkRequest } from '../../../worker/providers/postmark.ts';
import { resendRequest } from '../../../worker/providers/resend.ts';
import { salesforceRequest } from '../../../worker/providers/salesforce.ts';
import { slackRequest } from '../../../worker/providers/slack.ts';
import { twilioRequest } from '../../../worker/providers/twilio.ts';
import { email, record, slack, sms, sparseRecord } from './fixtures.ts';

describe('resendRequest', () => {
  it('posts the email to /emails with the key and the idempotency key', () => {
    expect(resendRequest(email, { apiKey: 're_test', from: 'Leads <leads@example.com>' })).toEqual({
      channel: 'email',
      url: 'https://api.resend.com/emails',
      method: 'POST',
      headers: {
        Authorization: 'Bearer re_test',
        'Content-Type': 'application/json',
        'Idempotency-Key': 'lead_123:confirm:email',
      },
      body: JSON.stringify({
        from: 'Leads <leads@example.com>',
        to: ['ada@example.org'],
        subject: 'Thanks, Ada: we got your request',
        text: 'Hi Ada,\nSam will call you today.',
        html: '<p>Hi Ada,</p><p>Sam will call you today.</p>',
        reply_to: 'sam@example.com',
      }),
    });
  });

  it('omits reply_to when there is none and honours a base URL with a trailing slash', () => {
    const { replyTo: _, ...noReply } = email;
    const req = resendRequest(noReply, { apiKey: 'k', from: 'f@example.com', baseUrl: 'http://localhost:9999/' });
    expect(req.url).toBe('http://localhost:9999/emails');
    expect(JSON.parse(req.body)).not.toHaveProperty('reply_to');
  });
});

describe('postmarkRequest', () => {
  it('posts the email to /email on the outbound stream with the idempotency key in Metadata', () => {
    expect(postmarkRequest(email, { serverToken: 'pm-token', from: 'leads@example.com' })).toEqual({
      channel: 'email',
      url: 'https://api.postmarkapp.com/email',
      method: 'POST',
      headers: {
        'X-Postmark-Server-Token': 'pm-token',
        Accept: 'application/json',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        From: 'leads@example.com',
        To: 'ada@example.org',
        Subject: 'Thanks, Ada: we got your request',
        TextBody: 'Hi Ada,\nSam will call you today.',
        HtmlBody: '<p>Hi Ada,</p><p>Sam will call you today.</p>',
        ReplyTo: 'sam@example.com',
        MessageStream: 'outbound',
        Metadata: { idempotencyKey: 'lead_123:confirm:email' },
      }),
    });
  });
});

describe('twilioRequest', () => {
  it('posts a form to the account Messages resource with Basic auth', () => {
    const req = twilioRequest(sms, { accountSid: 'AC123', authToken: 'secret', from: '+14155550100' });
    expect(req).toEqual({
      channel: 'sms',
      url: 'https://api.twilio.com/2010-04-01/Accounts/AC123/Messages.json',
      method: 'POST',
      headers: {
        Authorization: `Basic ${btoa('AC123:secret')}`,
        'Content-Type': 'application/x-www-form-urlencoded',
        'I-Twilio-Idempotency-Token': 'lead_123:confirm:sms',
      },
      body: 'To=%2B14155550123&From=%2B14155550100&Body=Thanks+Ada+%26+team%3A+Sam+will+call+you+today+%28ref+%23123%29.',
    });
    const form = new URLSearchParams(req.body);
    expect(Object.fromEntries(form)).toEqual({ To: sms.to, From: '+14155550100', Body: sms.body });
  });
});

describe('slackRequest', () => {
  it('posts text and blocks to the webhook URL', () => {
    const webhookUrl = 'https://hooks.slack.com/services/T000/B000/XXXX';
    expect(slackRequest(slack, { webhookUrl })).toEqual({
      channel: 'slack',
      url: webhookUrl,
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: slack.text, blocks: slack.blocks }),
    });
  });
});

describe('hubspotRequest', () => {
  it('upserts the contact by email with its owner and routing context', () => {
    expect(hubspotRequest(record, { token: 'pat-na1-test' })).toEqual({
      channel: 'crm:hubspot',
      url: 'https://api.hubapi.com/crm/v3/objects/contacts/batch/upsert',
      method: 'POST',
      headers: { Authorization: 'Bearer pat-na1-test', 'Content-Type': 'application/json' },
      body: JSON.stringify({
        inputs: [
          {
            idProperty: 'email',
            id: 'ada@example.org',
            properties: {
              email: 'ada@example.org',
              firstname: 'Ada',
              lastname: 'Lovelace',
              phone: '+14155550123',
              company: 'Analytical Engines',
              jobtitle: 'CTO',
              website: 'https://engines.example.org',
              country: 'US',
              state: 'CA',
              city: 'San Francisco',
              zip: '94103',
              numemployees: '100-500',
              hubspot_owner_id: '7001',
              lead_router_id: 'lead_123',
              lead_router_route: 'enterprise-us',
              lead_router_reason: 'US company with 250 employees: enterprise-us pool',
              lead_router_urgency: 'high',
              hs_lead_status: 'NEW',
            },
          },
        ],
      }),
    });
  });

  it('upserts on lead_router_id without an email, omits unknown fields and sets no owner for a queue', () => {
    const body = JSON.parse(hubspotRequest(sparseRecord, { token: 't' }).body);
    expect(body).toEqual({
      inputs: [
        {
          idProperty: 'lead_router_id',
          id: 'lead/456',
          properties: {
            phone: '+442071838750',
            lead_router_id: 'lead/456',
            lead_router_route: 'fallback',
            lead_router_reason: 'no route matched',
            lead_router_urgency: 'normal',
            hs_lead_status: 'NEW',
          },
        },
      ],
    });
  });

  it('maps head counts to the numemployees options', () => {
    expect([0, 1, 5, 6, 25, 50, 100, 101, 500, 1000, 1001].map(employeeBand)).toEqual([
      undefined,
      '1-5',
      '1-5',
      '5-25',
      '5-25',
      '25-50',
      '50-100',
      '100-500',
      '100-500',
      '500-1000',
      '1000+',
    ]);
  });
});

describe('salesforceRequest', () => {
  it('upserts the Lead on its external id with the owner', () => {
    const cfg = { instanceUrl: 'https://acme.my.salesforce.com', accessToken: '00Dxx!token' };
    expect(salesforceRequest(record, cfg)).toEqual({
      channel: 'crm:salesforce',
      url: 'https://acme.my.salesforce.com/services/data/v61.0/sobjects/Lead/Lead_Router_Id__c/lead_123',
      method: 'PATCH',
      headers: { Authorization: 'Bearer 00Dxx!token', 'Content-Type': 'application/json' },
      body: JSON.stringify({
        FirstName: 'Ada',
        LastName: 'Lovelace',
        Company: 'Analytical Engines',
        Email: 'ada@example.org',
        Phone: '+14155550123',
        Title: 'CTO',
        Website: 'https://engines.example.org',
        Country: 'US',
        State: 'CA',
        City: 'San Francisco',
        PostalCode: '94103',
        NumberOfEmployees: 250,
        LeadSource: 'google-ads',
        Description: 'We need a demo next week.',
        OwnerId: '005000000000001AAA',
      }),
    });
  });

  it('fills the required LastName and Company, encodes the id and takes an API version', () => {
    const req = salesforceRequest(sparseRecord, { instanceUrl: 'https://acme.my.salesforce.com/', accessToken: 't', apiVersion: 'v62.0' });
    expect(req.url).toBe('https://acme.my.salesforce.com/services/data/v62.0/sobjects/Lead/Lead_Router_Id__c/lead%2F456');
    expect(JSON.parse(req.body)).toEqual({
      LastName: '[not provided]',
      Company: '[not provided]',
      Phone: '+442071838750',
      LeadSource: 'website',
    });
  });
});
