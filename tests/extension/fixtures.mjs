// Fixture pages for the shipped adapters other than Request Tracker (which runs for real): each
// page has the helpdesk's note editor and context fields as the adapter (and the research notes,
// /work/shared/research/extension.md §4) describe them. Zendesk's composer is the real
// CKEditor 5 from npm; the others are contenteditable/textarea stand-ins for editors that are
// not on npm (Froala) or not installed here (ProseMirror, Summernote), with the same DOM shape.
// Every page counts its own handoff action (window.handoffs) so the test sees what got through.

const shell = (title, body, script = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="icon" href="data:,"><title>${title}</title>
<link rel="stylesheet" href="/ckeditor5/ckeditor5.css">
<style>body{font:14px/1.45 sans-serif;margin:24px} [contenteditable]{min-height:200px;width:620px;border:1px solid #999;padding:8px}
textarea{width:620px;height:220px;font:14px/1.45 sans-serif} .ck-editor{width:640px} .ck-editor__editable{min-height:200px}</style></head>
<body>${body}
<script>window.handoffs = 0; document.addEventListener('click', (e) => { if (e.target.closest('[data-handoff-action]')) window.handoffs++; });</script>
${script}</body></html>`;

export const FIXTURES = [
  {
    adapter: 'zendesk',
    origin: 'https://acme.zendesk.com',
    path: '/agent/tickets/4242',
    editor: '.ck-editor__editable',
    action: '[data-test-id="submit_button-button"]',
    teamOnPage: true,
    html: shell(
      'Zendesk fixture',
      `<div data-test-id="ticket-form-field-group"><input data-garden-id="dropdowns.combobox.input" value="Finance"></div>
       <div data-test-id="ticket-form-field-assignee"><input value="Finance/ Dana Kim"></div>
       <div id="composer"></div>
       <button data-test-id="submit_button-button" data-handoff-action type="button">Submit as Open</button>`,
      `<script type="module">
        import { ClassicEditor, Essentials, Paragraph } from '/ckeditor5/ckeditor5.js';
        const editor = await ClassicEditor.create(document.getElementById('composer'), { licenseKey: 'GPL', plugins: [Essentials, Paragraph], toolbar: [] });
        editor.ui.getEditableElement().setAttribute('data-test-id', 'omnicomposer-rich-text-ckeditor');
        window.editor = editor;
        window.editorReady = true;
      </script>`,
    ),
  },
  {
    adapter: 'freshdesk',
    origin: 'https://acme.freshdesk.com',
    path: '/a/tickets/77',
    editor: '.fr-element',
    action: '[data-test-id="note-submit"]',
    teamOnPage: true,
    html: shell(
      'Freshdesk fixture',
      `<div data-test-id="group-field"><span class="ember-power-select-selected-item">Finance</span></div>
       <div class="fr-box"><div class="fr-wrapper"><div class="fr-element fr-view" contenteditable="true"></div></div></div>
       <button data-test-id="note-submit" data-handoff-action type="button">Add note</button>`,
    ),
  },
  {
    adapter: 'jira-service-management',
    origin: 'https://acme.atlassian.net',
    path: '/browse/SUP-12',
    editor: '.ProseMirror',
    action: '[data-testid="comment-save-button"]',
    teamOnPage: true,
    html: shell(
      'Jira Service Management fixture',
      `<span data-testid="issue-field-team.ui.view-team-name">Finance</span>
       <div class="ak-editor-content-area"><div id="ak-editor-textarea" class="ProseMirror" contenteditable="true" role="textbox"></div></div>
       <button data-testid="comment-save-button" data-handoff-action type="button">Save</button>`,
    ),
  },
  {
    adapter: 'helpscout',
    origin: 'https://secure.helpscout.net',
    path: '/conversation/123456/7',
    editor: '[data-cy="EditableTextarea"] [contenteditable]',
    action: '[data-cy="SendButton"]',
    teamOnPage: false,
    html: shell(
      'Help Scout fixture',
      `<div data-cy="ConversationHeader.Mailbox">Support</div>
       <div data-cy="EditableTextarea"><div contenteditable="true"></div></div>
       <button data-cy="SendButton" data-handoff-action type="button">Send note</button>`,
    ),
  },
  {
    adapter: 'osticket',
    origin: 'local',
    path: '/scp/tickets.php?id=9',
    editor: 'textarea#internal_note',
    action: 'form#note input[type=submit]',
    teamOnPage: true,
    html: shell(
      'osTicket fixture',
      `<form id="transfer" onsubmit="return false"><select name="dept_id"><option>Support</option><option selected>Finance</option></select></form>
       <form id="note" onsubmit="return false"><textarea id="internal_note" name="note"></textarea>
       <input type="submit" value="Post Note" data-handoff-action></form>`,
    ),
  },
  {
    adapter: 'zammad',
    origin: 'local',
    path: '/#ticket/zoom/31',
    editor: '.article-new .richtext-content',
    action: '.js-submit',
    teamOnPage: true,
    html: shell(
      'Zammad fixture',
      `<div class="tabsSidebar"><select name="group_id"><option>Support</option><option selected>Finance</option></select></div>
       <div class="article-new"><div class="richtext-content" contenteditable="true"></div></div>
       <button class="js-submit" data-handoff-action type="button">Update</button>`,
    ),
  },
  {
    adapter: 'freescout',
    origin: 'local',
    path: '/conversation/55',
    editor: '.note-editable',
    action: '.btn-reply-submit',
    teamOnPage: false,
    html: shell(
      'FreeScout fixture',
      `<div class="conv-mailbox-name">Support</div>
       <div class="conv-reply-block"><textarea id="body" style="display:none"></textarea>
       <div class="note-editor"><div class="note-editable" contenteditable="true"></div></div>
       <button class="btn btn-primary btn-reply-submit" data-handoff-action type="button">Add note</button></div>`,
    ),
  },
];
