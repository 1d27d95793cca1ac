<#-- The names citizens read for the workflow's statuses; an unknown status shows as it is stored. -->
<#assign statusNames = {
  "registered": "registered",
  "assigned": "assigned to an officer",
  "in_progress": "in progress",
  "waiting_for_citizen": "waiting for your answer",
  "resolved": "resolved",
  "rejected": "rejected",
  "closed": "closed"
}>
<#function statusName code><#return statusNames[code]!code></#function>
