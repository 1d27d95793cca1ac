<#-- The names citizens read for the workflow's statuses; an unknown status shows as it is stored. -->
<#assign statusNames = {
  "registered": "înregistrată",
  "assigned": "repartizată unui funcționar",
  "in_progress": "în lucru",
  "waiting_for_citizen": "în așteptarea răspunsului dumneavoastră",
  "resolved": "rezolvată",
  "rejected": "respinsă",
  "closed": "închisă"
}>
<#function statusName code><#return statusNames[code]!code></#function>
