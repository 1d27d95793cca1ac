<#--
  The closure of a request (a final status: resolved, rejected, closed), with the public comment.
  Variables: number, typeName, status, comment, trackingCode, trackingUrl.
-->
<#include "statuses_en.ftl">
<#assign subject = "Request no. ${number} has been closed: ${statusName(status)}">
Hello,

Your request no. ${number} ("${typeName}") has been closed: ${statusName(status)}.
<#if comment?has_content>

The officer's message:
${comment}
</#if>

Its history stays available with the code ${trackingCode}: ${trackingUrl}

Thank you for writing to us,
The City Hall

This is an automatic message; please do not reply to it.
