<#--
  A status change, with the officer's public comment.
  Variables: number, typeName, status, comment, deadline, trackingCode, trackingUrl.
-->
<#include "statuses_en.ftl">
<#assign subject = "Request no. ${number}: ${statusName(status)}">
Hello,

Your request no. ${number} ("${typeName}") is now: ${statusName(status)}.
<#if comment?has_content>

The officer's message:
${comment}
</#if>

It will be resolved by ${deadline}.
Follow it with the code ${trackingCode}: ${trackingUrl}

The City Hall

This is an automatic message; please do not reply to it.
