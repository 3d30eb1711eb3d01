// The adapters shipped with the extension (adapters/*.json), in the order they are tried, after
// the org bundle's own `extension.adapters`.
import rt5 from '../adapters/rt5.json';
import osticket from '../adapters/osticket.json';
import zendesk from '../adapters/zendesk.json';
import freshdesk from '../adapters/freshdesk.json';
import jiraServiceManagement from '../adapters/jira-service-management.json';
import zammad from '../adapters/zammad.json';
import freescout from '../adapters/freescout.json';
import helpscout from '../adapters/helpscout.json';

export const SHIPPED_ADAPTERS = [rt5, osticket, zendesk, freshdesk, jiraServiceManagement, zammad, freescout, helpscout];
