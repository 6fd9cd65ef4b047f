// jsforce 3.10.16 (a third-party client) against the emulator. EMULATOR_URL points at a running emulator;
// the Java test JsforceConformanceTest starts one and runs `node --test` here.
'use strict';
const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const jsforce = require('jsforce');

const url = process.env.EMULATOR_URL;
if (!url) {
  throw new Error('EMULATOR_URL is not set');
}
const VERSION = '62.0';
const clientId = 'tandem-client-id';
const clientSecret = 'tandem-client-secret';

async function control(method, path, body) {
  const res = await fetch(`${url}/__emulator__${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  assert.ok(res.ok, `control ${method} ${path} failed: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

function connection(extra = {}) {
  return new jsforce.Connection({
    loginUrl: url,
    version: VERSION,
    oauth2: { loginUrl: url, clientId, clientSecret },
    ...extra,
  });
}

// Client credentials sessions carry no refresh token; jsforce re-authenticates through refreshFn.
function clientCredentialsConnection() {
  return connection({
    refreshFn: async (conn, callback) => {
      try {
        const r = await conn.oauth2.requestToken({ grant_type: 'client_credentials' });
        callback(null, r.access_token, r);
      } catch (e) {
        callback(e);
      }
    },
  });
}

function checksumOk(id) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let flags = 0;
    for (let pos = 0; pos < 5; pos++) {
      const c = id.charAt(block * 5 + pos);
      if (c >= 'A' && c <= 'Z') flags |= 1 << pos;
    }
    suffix += alphabet.charAt(flags);
  }
  return id.length === 18 && id.substring(15) === suffix;
}

let conn;

before(async () => {
  await control('POST', '/reset');
  conn = clientCredentialsConnection();
  await conn.authorize({ grant_type: 'client_credentials' });
});

test('client credentials token gives the instance URL and org/user ids from the identity URL', async () => {
  assert.equal(conn.instanceUrl, url);
  assert.match(conn.userInfo.organizationId, /^00D/);
  assert.match(conn.userInfo.id, /^005/);
  const identity = await conn.identity();
  assert.equal(identity.username, 'integration@tandem.dev');
});

test('password login works through the OAuth2 token endpoint', async () => {
  const c = connection();
  const info = await c.login('integration@tandem.dev', 'tandem-password');
  assert.match(info.organizationId, /^00D/);
  await assert.rejects(connection().login('integration@tandem.dev', 'wrong'), /authentication failure/);
});

test('a new campaign has the statuses Sent (default) and Responded', async () => {
  const created = await conn.sobject('Campaign').create({ Name: 'jsforce webinar', IsActive: true });
  assert.equal(created.success, true);
  assert.match(created.id, /^701/);
  assert.ok(checksumOk(created.id), `bad checksum in ${created.id}`);
  const statuses = await conn.query(
    `SELECT Label, IsDefault, HasResponded FROM CampaignMemberStatus WHERE CampaignId = '${created.id}' ORDER BY SortOrder`);
  assert.deepEqual(statuses.records.map((r) => [r.Label, r.IsDefault, r.HasResponded]),
    [['Sent', true, false], ['Responded', false, true]]);
});

test('collections create, update and delete report per-record errors', async () => {
  const campaign = await conn.sobject('Campaign').create({ Name: 'collections' });
  const leads = await conn.sobject('Lead').create([
    { LastName: 'One', Company: 'Acme' },
    { LastName: 'Two', Company: 'Acme' },
    { LastName: 'NoCompany' },
  ]);
  assert.deepEqual(leads.map((r) => r.success), [true, true, false]);
  assert.equal(leads[2].errors[0].statusCode, 'REQUIRED_FIELD_MISSING');
  const members = await conn.sobject('CampaignMember').create([
    { CampaignId: campaign.id, LeadId: leads[0].id, Status: 'Responded' },
    { CampaignId: campaign.id, LeadId: leads[1].id },
    { CampaignId: campaign.id, LeadId: leads[0].id },
  ]);
  assert.deepEqual(members.map((r) => r.success), [true, true, false]);
  assert.equal(members[2].errors[0].statusCode, 'DUPLICATE_VALUE');
  assert.equal(members[2].errors[0].message, 'Already a campaign member.');

  const updates = await conn.sobject('CampaignMember').update([
    { Id: members[1].id, Status: 'Responded' },
    { Id: members[0].id, Status: 'Attended' },
  ]);
  assert.deepEqual(updates.map((r) => r.success), [true, false]);
  assert.equal(updates[1].errors[0].statusCode, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');

  const rows = await conn.query(
    `SELECT Id, HasResponded, FirstRespondedDate, Campaign.Name, Lead.LastName FROM CampaignMember WHERE CampaignId = '${campaign.id}' ORDER BY Lead.LastName`);
  assert.equal(rows.totalSize, 2);
  assert.equal(rows.records[0].Campaign.Name, 'collections');
  assert.equal(rows.records[0].Lead.LastName, 'One');
  assert.ok(rows.records.every((r) => r.HasResponded === true && /^\d{4}-\d{2}-\d{2}$/.test(r.FirstRespondedDate)));

  const deleted = await conn.sobject('CampaignMember').destroy([members[0].id, members[0].id]);
  assert.deepEqual(deleted.map((r) => r.success), [true, false]);
  assert.equal(deleted[1].errors[0].statusCode, 'ENTITY_IS_DELETED');
});

test('query follows nextRecordsUrl pages of the requested batch size', async () => {
  const records = [];
  for (let i = 0; i < 450; i++) {
    records.push({ LastName: `Paged ${i}`, Company: 'Paging Inc' });
  }
  for (let i = 0; i < records.length; i += 200) {
    const res = await conn.sobject('Lead').create(records.slice(i, i + 200));
    assert.ok(res.every((r) => r.success));
  }
  await control('DELETE', '/requests');
  const soql = "SELECT Id, LastName FROM Lead WHERE Company = 'Paging Inc'";
  const result = await conn.query(soql, { headers: { 'Sforce-Query-Options': 'batchSize=200' } })
    .run({ autoFetch: true, maxFetch: 10000 });
  assert.equal(result.totalSize, 450);
  assert.equal(result.records.length, 450);
  const requests = await control('GET', '/requests');
  assert.equal(requests.filter((r) => r.path.includes('/query')).length, 3);
});

test('describe and describeGlobal come from the schema', async () => {
  const global = await conn.describeGlobal();
  assert.ok(global.sobjects.some((o) => o.name === 'CampaignMember' && o.keyPrefix === '00v'));
  const member = await conn.sobject('CampaignMember').describe();
  const hasResponded = member.fields.find((f) => f.name === 'HasResponded');
  assert.equal(hasResponded.type, 'boolean');
  assert.equal(hasResponded.createable, false);
  assert.deepEqual(member.fields.find((f) => f.name === 'CampaignId').referenceTo, ['Campaign']);
});

test('limits and the Sforce-Limit-Info header agree', async () => {
  const limits = await conn.limits();
  assert.equal(limits.DailyApiRequests.Max, 15000);
  assert.equal(conn.limitInfo.apiUsage.limit, 15000);
  assert.equal(limits.DailyApiRequests.Remaining, 15000 - conn.limitInfo.apiUsage.used);
});

test('updated and deleted report changed and removed members', async () => {
  // Replication works at minute granularity and never covers the current minute: freeze the org clock, write,
  // then move it on so that the writes lie in a settled minute.
  const { now } = await control('GET', '/clock');
  await control('POST', '/clock', { now });
  const start = new Date(Date.parse(now) - 60 * 1000);
  const campaign = await conn.sobject('Campaign').create({ Name: 'replication' });
  const lead = await conn.sobject('Lead').create({ LastName: 'Rep', Company: 'Acme' });
  const member = await conn.sobject('CampaignMember').create({ CampaignId: campaign.id, LeadId: lead.id });
  await conn.sobject('CampaignMember').destroy(member.id);
  await control('POST', '/clock', { advanceSeconds: 120 });
  const end = new Date(Date.parse(now) + 180 * 1000);
  const updated = await conn.sobject('Campaign').updated(start, end);
  assert.ok(updated.ids.includes(campaign.id));
  assert.ok(updated.latestDateCovered);
  const deleted = await conn.sobject('CampaignMember').deleted(start, end);
  assert.ok(deleted.deletedRecords.some((d) => d.id === member.id));
  const all = await conn.query(`SELECT Id, IsDeleted FROM CampaignMember WHERE Id = '${member.id}'`, { scanAll: true });
  assert.equal(all.records[0].IsDeleted, true);
  await control('POST', '/clock', { system: true });
});

test('bulk 2.0 ingest inserts rows and reports failed ones', async () => {
  const input = [];
  for (let i = 0; i < 300; i++) {
    input.push({ LastName: `Bulk ${i}`, Company: 'Bulk Co' });
  }
  input.push({ LastName: 'Missing company' });
  const results = await conn.bulk2.loadAndWaitForResults({
    object: 'Lead', operation: 'insert', input, pollInterval: 200, pollTimeout: 30000,
  });
  assert.equal(results.successfulResults.length, 300);
  assert.equal(results.failedResults.length, 1);
  assert.match(results.failedResults[0].sf__Error, /^REQUIRED_FIELD_MISSING:/);
  const count = await conn.query("SELECT COUNT() FROM Lead WHERE Company = 'Bulk Co'");
  assert.equal(count.totalSize, 300);
});

test('bulk 2.0 query returns the rows as CSV records', async () => {
  const stream = await conn.bulk2.query("SELECT Id, LastName FROM Lead WHERE Company = 'Bulk Co' AND LastName LIKE 'Bulk 1%'",
    { pollInterval: 200, pollTimeout: 30000 });
  const records = [];
  for await (const record of stream) {
    records.push(record);
  }
  assert.equal(records.length, 111);
  assert.ok(records.every((r) => /^00Q/.test(r.Id)));
});

test('a user without Marketing User cannot insert a campaign', async () => {
  const analyst = connection();
  await analyst.login('analyst@tandem.dev', 'analyst-password');
  await assert.rejects(analyst.sobject('Campaign').create({ Name: 'not allowed' }), (err) => {
    assert.equal(err.errorCode, 'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY');
    assert.equal(err.message, 'entity type cannot be inserted: Campaign');
    return true;
  });
});

test('an expired session is recovered by re-authenticating once', async () => {
  const c = clientCredentialsConnection();
  await c.authorize({ grant_type: 'client_credentials' });
  const before = c.accessToken;
  await control('POST', '/sessions/expire');
  const result = await c.query('SELECT Id FROM Organization');
  assert.equal(result.totalSize, 1);
  assert.notEqual(c.accessToken, before);

  const withoutRefresh = new jsforce.Connection({ instanceUrl: url, accessToken: c.accessToken, version: VERSION });
  await control('POST', '/sessions/expire');
  await assert.rejects(withoutRefresh.query('SELECT Id FROM Organization'));
});

test('an injected UNABLE_TO_LOCK_ROW fault reaches the caller once', async () => {
  const campaign = await conn.sobject('Campaign').create({ Name: 'locked' });
  await control('POST', '/faults', { errorCode: 'UNABLE_TO_LOCK_ROW', httpStatus: 400, method: 'PATCH', pathRegex: '/sobjects/Campaign/', times: 1 });
  await assert.rejects(conn.sobject('Campaign').update({ Id: campaign.id, Name: 'x' }), (err) => {
    assert.equal(err.errorCode, 'UNABLE_TO_LOCK_ROW');
    return true;
  });
  const ok = await conn.sobject('Campaign').update({ Id: campaign.id, Name: 'unlocked' });
  assert.equal(ok.success, true);
});
