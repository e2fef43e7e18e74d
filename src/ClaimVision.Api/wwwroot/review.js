// The adjuster review page: no framework, no build step; talks to the same HTTP API as every other client.
'use strict';

const state = { page: 1, pageSize: 20, claim: null };
const $ = (selector) => document.querySelector(selector);

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'className') node.className = value; else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child ?? '')));
  return node;
}

async function api(path, options) {
  const response = await fetch(path, options);
  const body = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  if (!response.ok) throw new Error(body?.detail || body?.title || `${response.status} ${response.statusText}`);
  return body;
}

async function loadQueue() {
  const page = await api(`/recommendations?status=pending&page=${state.page}&pageSize=${state.pageSize}`);
  const rows = page.items.map((item) => {
    const row = el('tr', { 'data-claim': item.claimId },
      el('td', {}, item.claimId), el('td', {}, item.decision),
      el('td', {}, `${item.payableAmount} ${item.currency}`), el('td', {}, item.confidence.toFixed(2)));
    row.addEventListener('click', () => openClaim(item.claimId));
    return row;
  });
  $('#queue tbody').replaceChildren(...rows);
  $('#page').textContent = String(state.page);
  $('#prev').disabled = state.page === 1;
  $('#next').disabled = page.items.length < state.pageSize;
}

function evidenceByDocument(recommendation) {
  const boxes = new Map();
  for (const factor of recommendation?.factors ?? []) {
    for (const evidence of factor.evidence ?? []) {
      if (!evidence.documentId || !evidence.box) continue;
      if (!boxes.has(evidence.documentId)) boxes.set(evidence.documentId, []);
      boxes.get(evidence.documentId).push({ box: evidence.box, label: `${factor.name}: ${evidence.field ?? ''} ${evidence.value ?? ''}` });
    }
  }
  return boxes;
}

function renderDocument(document, boxes) {
  const viewer = el('div', { className: 'viewer' });
  const image = el('img', { src: document.imageUrl, alt: document.fileName });
  viewer.append(image);
  const draw = () => {
    // Boxes are in pixels of the image as submitted: scale them to the displayed size.
    const scale = image.naturalWidth ? image.clientWidth / image.naturalWidth : 1;
    for (const { box, label } of boxes) {
      const [x, y, w, h] = box;
      viewer.append(el('div', { className: 'box', title: label,
        style: `left:${x * scale}px;top:${y * scale}px;width:${w * scale}px;height:${h * scale}px` }));
    }
  };
  image.addEventListener('load', draw);
  image.addEventListener('error', draw);
  const status = document.status === 'rejected'
    ? el('p', { className: 'rejected' }, `rejected — ${document.errorCode}: ${document.errorMessage}`)
    : el('p', {}, document.status);
  return el('div', { className: 'document', 'data-document': document.documentId }, el('h4', {}, document.fileName), status, viewer);
}

function renderRecommendation(recommendation) {
  if (!recommendation) return el('p', {}, 'No recommendation yet: documents are still being analysed.');
  const factors = recommendation.factors.map((factor) => el('div', { className: `factor ${factor.status}` },
    el('strong', {}, factor.name), ` — ${factor.status}, effect ${factor.effect}: ${factor.reason}`));
  const steps = el('table', { id: 'computation' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Step'), el('th', {}, 'Clause'), el('th', {}, 'Amount'))),
    el('tbody', {}, ...recommendation.computation.map((step) =>
      el('tr', {}, el('td', {}, step.step), el('td', {}, step.clause), el('td', {}, step.amount)))));
  return el('div', {},
    el('p', { id: 'recommended' }, `Recommended: ${recommendation.decision}, payable ${recommendation.payableAmount} ${recommendation.currency} (confidence ${recommendation.confidence.toFixed(2)}, policy ${recommendation.policyVersion})`),
    el('ul', { id: 'reasons' }, ...recommendation.reasons.map((reason) => el('li', {}, reason))),
    el('div', { id: 'factors' }, ...factors),
    steps);
}

function renderDecision(decision) {
  $('#decision-status').textContent = decision
    ? `Decided by ${decision.adjuster}: ${decision.action} → ${decision.decision}, payable ${decision.payableAmount}${decision.reason ? ` (${decision.reason})` : ''}`
    : 'Not decided yet.';
  $('#decision-form').hidden = Boolean(decision);
}

async function openClaim(claimId) {
  const claim = await api(`/claims/${encodeURIComponent(claimId)}`);
  state.claim = claim;
  for (const row of document.querySelectorAll('#queue tbody tr')) row.classList.toggle('selected', row.dataset.claim === claimId);
  $('#claim-panel').hidden = false;
  $('#claim-id').textContent = claim.claimId;
  $('#claim-status').textContent = claim.status;
  $('#recommendation').replaceChildren(renderRecommendation(claim.recommendation));
  const boxes = evidenceByDocument(claim.recommendation);
  $('#documents').replaceChildren(...claim.documents.map((d) => renderDocument(d, boxes.get(d.documentId) ?? [])));
  renderDecision(claim.decision);
  $('#message').textContent = '';
}

async function submitDecision(event) {
  event.preventDefault();
  const form = new FormData(event.target);
  const body = { adjuster: form.get('adjuster'), action: form.get('action'), reason: form.get('reason') || null };
  if (form.get('decision')) body.decision = form.get('decision');
  if (form.get('payableAmount')) body.payableAmount = Number(form.get('payableAmount'));
  const message = $('#message');
  try {
    await api(`/claims/${encodeURIComponent(state.claim.claimId)}/decision`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    message.className = '';
    message.textContent = 'Decision recorded.';
    await openClaim(state.claim.claimId);
    message.textContent = 'Decision recorded.';
    await loadQueue();
  } catch (error) {
    message.className = 'error';
    message.textContent = error.message;
  }
}

$('#decision-form').addEventListener('submit', submitDecision);
$('#prev').addEventListener('click', () => { state.page -= 1; loadQueue(); });
$('#next').addEventListener('click', () => { state.page += 1; loadQueue(); });
loadQueue().catch((error) => { $('#message').textContent = error.message; });
